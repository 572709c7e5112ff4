package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import java.net.http.HttpRequest;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Per-tenant quotas through the real EAR: headers, refusals, audit, isolation between tenants. */
@ContainerTest
class RateLimitIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void everyCountedAnswerCarriesTheQuotaAndWhatIsLeft() {
    String tenant = TestTenants.enabled();
    String reader = TestTenants.token(tenant, "kyc:read").mint();

    Api.Reply first = Api.get("/kyc/facematch/collections/status", reader);
    Api.Reply second = Api.get("/kyc/facematch/collections/status", reader);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("RateLimit-Policy")).hasValue("\"default\";q=1200;w=60");
    assertThat(first.header("RateLimit").orElseThrow()).matches("\"default\";r=1199;t=\\d+");
    assertThat(second.header("RateLimit").orElseThrow()).startsWith("\"default\";r=1198;");
    Api.Reply verify = Api.postJson("/kyc/facematch/verify", reader, "{}");
    assertThat(verify.header("RateLimit-Policy")).hasValue("\"verify\";q=600;w=60");
  }

  @Test
  void refusesBeyondTheTenantsQuotaWithRetryAfterAndAuditsIt() throws InterruptedException {
    String tenant = TestTenants.enabled();
    String other = TestTenants.enabled();
    TestTenants.rateLimits(tenant, 2, 600, 300, 1200);
    String reader = TestTenants.token(tenant, "kyc:read").mint();

    // Counted before the body is read: even refused bodies use the quota.
    assertThat(Api.postJson("/kyc/facematch/verify", reader, "{}").status()).isEqualTo(400);
    assertThat(Api.postJson("/kyc/facematch/verify", reader, "{}").status()).isEqualTo(400);
    long asked = System.nanoTime();
    Api.Reply limited =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/verify"))
                .header("Authorization", "Bearer " + reader)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "rate-limited-" + tenant)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    long answeredAfterMillis = (System.nanoTime() - asked) / 1_000_000;

    assertProblem(limited, 429, "RATE_LIMITED");
    // Held for a second before the answer, so a client that ignores Retry-After slows down.
    assertThat(answeredAfterMillis).isGreaterThanOrEqualTo(950);
    long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(limited.header("RateLimit-Policy")).hasValue("\"verify\";q=2;w=60");
    assertThat(limited.header("RateLimit").orElseThrow()).startsWith("\"verify\";r=0;");
    // Refusals in floods are written in batches, once a second.
    List<String> audit = List.of();
    for (int i = 0; i < 50 && audit.isEmpty(); i++) {
      Thread.sleep(100);
      audit = TestTenants.auditOf("rate-limited-" + tenant);
    }
    assertThat(audit).singleElement().asString().startsWith("VERIFY|RATE_LIMITED|" + tenant + "|");

    // Other classes of the same tenant, and other tenants, keep their own budgets.
    assertThat(Api.get("/kyc/facematch/collections/status", reader).status()).isEqualTo(200);
    assertThat(
            Api.postJson("/kyc/facematch/verify", TestTenants.token(other, "kyc:read").mint(), "{}")
                .status())
        .isEqualTo(400);
  }
}
