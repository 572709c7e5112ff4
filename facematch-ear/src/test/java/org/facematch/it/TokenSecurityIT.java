package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

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
        Api.get(STATUS, Tokens.signedWith(DevKeys.untrustedKey()).tenant(tenant).groups("kyc:read").mint()),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        Api.get(STATUS, TestTenants.token(tenant, "kyc:read").issuer("https://evil.example").mint()),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        Api.get(STATUS, TestTenants.token(tenant, "kyc:read").audience("someone-else").mint()),
        401,
        "UNAUTHENTICATED");
    assertProblem(
        Api.get(STATUS, TestTenants.token(tenant, "kyc:read").unsigned().mint()), 401, "UNAUTHENTICATED");
    assertProblem(Api.get(STATUS, TestTenants.token(null, "kyc:read").mint()), 401, "UNAUTHENTICATED");
  }

  @Test
  void auditsRefusedTokensToo() {
    Api.Reply forged = Api.get(STATUS, Tokens.signedWith(DevKeys.untrustedKey()).tenant("x").groups("kyc:read").mint());

    assertThat(TestTenants.auditOf(forged.header("X-Request-Id").orElseThrow()))
        .singleElement()
        .satisfies(row -> assertThat(row).startsWith("GET /kyc/facematch/collections/status|UNAUTHENTICATED|-|anonymous"));
  }

  @Test
  void requiresThePermissionOfTheOperation() {
    String tenant = TestTenants.enabled();

    assertProblem(Api.get(STATUS, TestTenants.token(tenant, "kyc:create").mint()), 403, "PERMISSION_DENIED");
    assertProblem(Api.get(STATUS, TestTenants.token(tenant).mint()), 403, "PERMISSION_DENIED");
    assertThat(Api.get(STATUS, TestTenants.token(tenant, "kyc:read").mint()).status()).isEqualTo(200);
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
