package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

/** What every error answer must look like: RFC 9457 problem+json with our stable code. */
final class ProblemAssert {

  private ProblemAssert() {}

  static JsonObject assertProblem(Api.Reply reply, int status, String code) {
    assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonObject problem = reply.json();
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("type")).contains("/problems/");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }
}
