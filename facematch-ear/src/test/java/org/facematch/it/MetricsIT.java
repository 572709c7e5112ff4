package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Prometheus metrics at {@code /metrics}: calls by operation and status, timings, node state. */
@ContainerTest
class MetricsIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void countsAndTimesCallsAndShowsTheEngineAndTheIndex() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    double registeredBefore = value(scrape(), "facematch_requests_total", "REGISTER", "201");
    double refusedBefore = value(scrape(), "facematch_requests_total", "SEARCH", "401");

    Api.Reply registered =
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(Photos.person(Photos.PERSON_A), "metrics").build().toString());
    assertThat(registered.status()).isEqualTo(201);
    Api.postJson(
        "/kyc/facematch/search",
        "not-a-token",
        Requests.search(Photos.person(Photos.PERSON_A)).build().toString());

    String metrics = scrape();
    String ours =
        metrics
            .lines()
            .filter(l -> l.startsWith("facematch_") || l.startsWith("# TYPE facematch_"))
            .collect(java.util.stream.Collectors.joining("\n"));
    assertThat(value(metrics, "facematch_requests_total", "REGISTER", "201"))
        .as(ours)
        .isEqualTo(registeredBefore + 1);
    assertThat(value(metrics, "facematch_requests_total", "SEARCH", "401"))
        .as(ours)
        .isEqualTo(refusedBefore + 1);
    assertThat(metrics)
        .containsPattern("facematch_request_duration_bucket\\{[^}]*operation=\"REGISTER\"")
        .containsPattern("(?m)^facematch_engine_waiting(\\{[^}]*\\})? \\d")
        .containsPattern("(?m)^facematch_engine_busy(\\{[^}]*\\})? \\d")
        .containsPattern("(?m)^facematch_index_lag_changes(\\{[^}]*\\})? \\d");
    assertThat(gauge(metrics, "facematch_index_faces")).isGreaterThanOrEqualTo(1);
    assertThat(metrics).doesNotContain(tenant);
  }

  private static String scrape() {
    Api.Reply reply =
        Api.send(HttpRequest.newBuilder(Api.uri("/metrics")).header("Accept", "text/plain"));
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  /** The counter's value for the operation and status; 0 before the first such call. */
  private static double value(String metrics, String name, String operation, String status) {
    Matcher line =
        Pattern.compile("(?m)^" + name + "(?:_total)?\\{([^}]*)\\} (\\S+)").matcher(metrics);
    while (line.find()) {
      String labels = line.group(1);
      if (labels.contains("operation=\"" + operation + "\"")
          && labels.contains("status=\"" + status + "\"")) {
        return Double.parseDouble(line.group(2));
      }
    }
    return 0;
  }

  private static double gauge(String metrics, String name) {
    Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)").matcher(metrics);
    assertThat(line.find()).as(name + " in\n" + metrics).isTrue();
    return Double.parseDouble(line.group(2));
  }
}
