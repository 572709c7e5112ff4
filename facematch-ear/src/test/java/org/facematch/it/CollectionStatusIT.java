package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

@ContainerTest
class CollectionStatusIT {

  static final String STATUS = "/kyc/facematch/collections/status";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void countsTheTenantsFacesInTheDatabase() {
    String tenant = TestTenants.enabled();
    TestTenants.addFaces(tenant, 7);

    Api.Reply reply = Api.get(STATUS, TestTenants.token(tenant, "kyc:read").mint());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonObject status = reply.json();
    assertThat(status.getString("collection_name")).isEqualTo("facematch-" + tenant);
    assertThat(status.getJsonNumber("face_count").longValue()).isEqualTo(7);
    assertThat(status.getString("status")).isEqualTo("ACTIVE");
  }

  @Test
  void disabledAndUnknownTenantsAreRefusedAlike() {
    JsonObject disabled =
        assertProblem(
            Api.get(STATUS, TestTenants.token(TestTenants.disabled(), "kyc:read").mint()),
            403,
            "FEATURE_NOT_ENABLED");
    JsonObject unknown =
        assertProblem(
            Api.get(STATUS, TestTenants.token(TestTenants.unknown(), "kyc:read").mint()),
            403,
            "FEATURE_NOT_ENABLED");

    assertThat(unknown.getString("detail")).isEqualTo(disabled.getString("detail"));
  }
}
