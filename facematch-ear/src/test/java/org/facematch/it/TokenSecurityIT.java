package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.facematch.stack.DevKeys;
import org.facematch.stack.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

@ContainerTest
class TokenSecurityIT {

  static final String STATUS = "/kyc/facematch/collections/status";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void refusesEveryTokenItCannotTrust() {
    String tenant = TestTenants.enabled();
    Tokens valid = TestTenants.token(tenant, "kyc:read");

    assertProblem(Api.get(STATUS, null), 401, "UNAUTHENTICATED");
    assertProblem(Api.get(STATUS, "not-a-jwt"), 401, "UNAUTHENTICATED");
    assertProblem(
        Api.get(STATUS, valid.expires(Instant.now().minus(Duration.ofMinutes(10))).mint()),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        Api.get(
            STATUS,
            Tokens.signedWith(DevKeys.untrustedKey()).tenant(tenant).groups("kyc:read").mint()),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        Api.get(
            STATUS, TestTenants.token(tenant, "kyc:read").issuer("https://evil.example").mint()),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        Api.get(STATUS, TestTenants.token(tenant, "kyc:read").audience("someone-else").mint()),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        Api.get(STATUS, TestTenants.token(tenant, "kyc:read").unsigned().mint()),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        Api.get(STATUS, TestTenants.token(null, "kyc:read").mint()), 401, "UNAUTHENTICATED");
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() {
    String tenant = TestTenants.enabled();
    String token = TestTenants.token(tenant, "kyc:read").mint();

    for (String scheme : new String[] {"bearer ", "BEARER ", "bEaReR ", "Bearer  "}) {
      Api.Reply reply = Api.send(withAuthorization(scheme + token));
      assertThat(reply.status()).as("scheme '%s'", scheme).isEqualTo(200);
      assertThat(reply.json().getString("collection_name")).isEqualTo("facematch-" + tenant);
    }
    assertProblem(Api.send(withAuthorization("Bearer" + token)), 401, "UNAUTHENTICATED");
    assertProblem(Api.send(withAuthorization("Basic " + token)), 401, "UNAUTHENTICATED");
    assertProblem(
        Api.send(withAuthorization("bearer " + token.substring(0, token.length() - 2))),
        401,
        "UNAUTHENTICATED");
  }

  /** Refused tokens are audited; they no longer each leave a stack trace in the server log. */
  @Test
  void refusedTokensDoNotFillTheServerLog() throws Exception {
    Path log = TestStack.get().payara().serverLog();
    long before = Files.size(log);
    for (int i = 0; i < 3; i++) {
      assertProblem(Api.get(STATUS, "not-a-jwt-" + i), 401, "UNAUTHENTICATED");
    }
    // The server writes its log from a queue: give it time to show what it would write.
    Thread.sleep(3_000);
    String added;
    try (var in = Files.newInputStream(log)) {
      in.skipNBytes(Math.min(before, Files.size(log)));
      added = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(added).doesNotContain("Exception trying to parse JWT token");
  }

  private static HttpRequest.Builder withAuthorization(String value) {
    return HttpRequest.newBuilder(Api.uri(STATUS)).header("Authorization", value).GET();
  }

  @Test
  void auditsRefusedTokensUnderTheOperationAndTheClientsRequestId() {
    String requestId = "client-" + java.util.UUID.randomUUID();
    Api.Reply forged =
        Api.send(
            HttpRequest.newBuilder(Api.uri(STATUS))
                .header(
                    "Authorization",
                    "Bearer "
                        + Tokens.signedWith(DevKeys.untrustedKey())
                            .tenant("x")
                            .groups("kyc:read")
                            .mint())
                .header("X-Request-Id", requestId)
                .GET());

    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.header("X-Request-Id")).contains(requestId);
    assertThat(TestTenants.auditOf(requestId))
        .singleElement()
        .satisfies(
            row -> assertThat(row).startsWith("COLLECTION_STATUS|UNAUTHENTICATED|-|anonymous"));
  }

  /** What matched no operation is filed as UNKNOWN: never under the raw path a client sent. */
  @Test
  void auditsUnknownPathsAndMethodsWithoutTheirPath() {
    String token = TestTenants.token(TestTenants.enabled(), "kyc:read").mint();
    Api.Reply unknown = Api.postJson("/kyc/facematch/openapi-please", token, "{}");
    Api.Reply options =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/verify"))
                .header("Authorization", "Bearer " + token)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(unknown.status()).isGreaterThanOrEqualTo(400).isLessThan(500);
    for (Api.Reply reply : java.util.List.of(unknown, options)) {
      assertThat(TestTenants.auditOf(reply.header("X-Request-Id").orElseThrow()))
          .singleElement()
          .satisfies(
              row ->
                  assertThat(row)
                      .startsWith("UNKNOWN|")
                      .doesNotContain("openapi")
                      .doesNotContain("APPLY"));
    }
  }

  /** RFC 7519 4.1.5: a token must not be accepted before its nbf; nor one issued in the future. */
  @Test
  void refusesTokensThatAreNotValidYet() {
    String tenant = TestTenants.enabled();
    Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
    assertProblem(
        Api.get(STATUS, TestTenants.token(tenant, "kyc:read").notBefore(inAnHour).mint()),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        Api.get(
            STATUS,
            TestTenants.token(tenant, "kyc:read")
                .issuedAt(Instant.now().plus(Duration.ofDays(1)))
                .expires(Instant.now().plus(Duration.ofDays(2)))
                .mint()),
        401,
        "UNAUTHENTICATED");
    assertThat(
            Api.get(
                    STATUS,
                    TestTenants.token(tenant, "kyc:read")
                        .notBefore(Instant.now().minusSeconds(5))
                        .mint())
                .status())
        .isEqualTo(200);
  }

  @Test
  void requiresThePermissionOfTheOperation() {
    String tenant = TestTenants.enabled();

    assertProblem(
        Api.get(STATUS, TestTenants.token(tenant, "kyc:create").mint()), 403, "PERMISSION_DENIED");
    assertProblem(Api.get(STATUS, TestTenants.token(tenant).mint()), 403, "PERMISSION_DENIED");
    assertThat(Api.get(STATUS, TestTenants.token(tenant, "kyc:read").mint()).status())
        .isEqualTo(200);
    assertThat(Api.get(STATUS, TestTenants.token(tenant, "kyc:read", "kyc:create").mint()).status())
        .isEqualTo(200);
  }

  @Test
  void aTokenOnlyEverSeesItsOwnTenant() {
    String tenantA = TestTenants.enabled();
    String tenantB = TestTenants.enabled();
    TestTenants.addFaces(tenantA, 3);

    var a = Api.get(STATUS, TestTenants.token(tenantA, "kyc:read").mint()).json();
    var b = Api.get(STATUS, TestTenants.token(tenantB, "kyc:read").mint()).json();

    assertThat(a.getString("collection_name")).isEqualTo("facematch-" + tenantA);
    assertThat(a.getJsonNumber("face_count").longValue()).isEqualTo(3);
    assertThat(b.getString("collection_name")).isEqualTo("facematch-" + tenantB);
    assertThat(b.getJsonNumber("face_count").longValue()).isZero();
  }
}
