package org.facematch.tenant.entity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.facematch.problem.entity.FaceMatchException;
import org.junit.jupiter.api.Test;

class ConsoleActorTest {

  final ConsoleActor demoAdmin = new ConsoleActor("dana", Roles.TENANT_ADMIN, "demo");
  final ConsoleActor support = new ConsoleActor("sam", Roles.SUPPORT, null);

  @Test
  void tenantAdminsReachOnlyTheirOwnTenant() {
    assertThatCode(() -> demoAdmin.requireTenant(new TenantId("demo"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> demoAdmin.requireTenant(new TenantId("other")))
        .isInstanceOf(FaceMatchException.class)
        .hasMessage("Not your tenant");
    assertThatThrownBy(demoAdmin::requireSupport).isInstanceOf(FaceMatchException.class);
  }

  @Test
  void supportSeesSettingsOfAnyTenantButNoFaces() {
    assertThatCode(() -> support.requireTenant(new TenantId("other"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> support.requireOwnTenant(new TenantId("demo"))).isInstanceOf(FaceMatchException.class);
    assertThatCode(() -> demoAdmin.requireOwnTenant(new TenantId("demo"))).doesNotThrowAnyException();
  }
}
