package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Refusals of large bodies on one connection of the JDK's client with its default version, which
 * upgrades to HTTP/2 (h2c): each answer comes at once and the connection stays usable. Before the
 * rest of a refused body was read, each refusal on an upgraded connection waited 30 s for the idle
 * timeout and ended in "EOF reached while reading".
 */
@ContainerTest
class RefusedBodiesIT {

  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void everyRefusalOfALargeBodyIsAnsweredAndTheConnectionStaysUsable() throws Exception {
    String tenant = TestTenants.enabled();
    TestTenants.rateLimits(tenant, 1, 600, 300, 1200);
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    HttpClient client = HttpClient.newHttpClient();
    byte[] json = searchBody(240 * 1024).getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> upgraded = status(client, reader);
    assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);

    assertRefused(
        client,
        post("search", "Bearer not-a-token", "application/json", json),
        401,
        "UNAUTHENTICATED");
    assertRefused(
        client,
        post("register", "Bearer " + reader, "application/json", json),
        403,
        "PERMISSION_DENIED");
    assertRefused(
        client,
        post("search", "Bearer " + reader, "text/plain", json),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertRefused(
        client,
        post(
            "search",
            "Bearer " + reader,
            "application/json; charset=utf-16",
            searchBody(120 * 1024).getBytes(StandardCharsets.UTF_16)),
        400,
        "MALFORMED_REQUEST");
    assertRefused(
        client,
        post("search", "Bearer " + reader, "application/json", new byte[20 * 1024 * 1024]),
        413,
        "PAYLOAD_TOO_LARGE");
    assertRefused(
        client, post("search", "Bearer " + reader, "application/json", json), 400, "INVALID_IMAGE");
    assertRefused(
        client,
        post("verify", "Bearer " + reader, "application/json", json),
        400,
        "INVALID_PARAMETER");
    assertRefused(
        client, post("verify", "Bearer " + reader, "application/json", json), 429, "RATE_LIMITED");

    HttpResponse<String> after = status(client, reader);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.version()).isEqualTo(HttpClient.Version.HTTP_2);
  }

  private static void assertRefused(HttpClient client, HttpRequest request, int status, String code)
      throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertProblem(
        new Api.Reply(
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            response.body(),
            response),
        status,
        code);
  }

  private static HttpRequest post(String path, String authorization, String type, byte[] body) {
    return HttpRequest.newBuilder(Api.uri("/kyc/facematch/" + path))
        .header("Authorization", authorization)
        .header("Content-Type", type)
        .timeout(PROMPTLY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static HttpResponse<String> status(HttpClient client, String token) throws Exception {
    return client.send(
        Api.authorized(HttpRequest.newBuilder(Api.uri("/kyc/facematch/collections/status")), token)
            .timeout(PROMPTLY)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Valid JSON whose image is not an image: read in full, then refused. */
  private static String searchBody(int imageChars) {
    return "{\"image_format\":\"base64\",\"image\":\"" + "A".repeat(imageChars) + "\"}";
  }
}
