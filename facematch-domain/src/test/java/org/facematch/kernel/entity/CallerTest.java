package org.facematch.kernel.entity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  static final TenantId DEMO = new TenantId("demo");
  static final TenantId OTHER = new TenantId("other");
  final Caller demoAdmin = Caller.console("dana", Roles.TENANT_ADMIN, DEMO);
  final Caller support = Caller.console("sam", Roles.SUPPORT, null);

  @Test
  void tenantAdminsReachOnlyTheirOwnTenant() {
    assertThatCode(() -> Access.SUPPORT_OR_OWN_TENANT.check(demoAdmin, DEMO))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> Access.SUPPORT_OR_OWN_TENANT.check(demoAdmin, OTHER))
        .isInstanceOf(FaceMatchException.class)
        .hasMessage("Not your tenant");
    assertThatThrownBy(() -> Access.SUPPORT.check(demoAdmin, null))
        .isInstanceOf(FaceMatchException.class);
  }

  @Test
  void supportSeesSettingsOfAnyTenantButNoFaces() {
    assertThatCode(() -> Access.SUPPORT_OR_OWN_TENANT.check(support, OTHER))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> Access.OWN_TENANT.check(support, DEMO))
        .isInstanceOf(FaceMatchException.class);
    assertThatThrownBy(() -> Access.KYC_CREATE.check(support, null))
        .isInstanceOf(FaceMatchException.class);
    assertThatCode(() -> Access.OWN_TENANT.check(demoAdmin, DEMO)).doesNotThrowAnyException();
    assertThatCode(() -> Access.KYC_CREATE.check(demoAdmin, null)).doesNotThrowAnyException();
  }

  @Test
  void apiCallersNeedTheirPermissionAndAnEnabledTenant() {
    TenantSettings enabled = TenantSettings.defaults("faceplugin-0.0.1").withEnabled(true);
    Caller reader = Caller.api("client", DEMO, Set.of(Roles.KYC_READ), Optional.of(enabled));
    assertThatCode(() -> Access.KYC_READ.check(reader, null)).doesNotThrowAnyException();
    assertProblem(() -> Access.KYC_CREATE.check(reader, null), Problem.PERMISSION_DENIED);
    assertProblem(() -> Access.OWN_TENANT.check(reader, DEMO), Problem.PERMISSION_DENIED);
    assertProblem(() -> Access.SUPPORT.check(reader, null), Problem.PERMISSION_DENIED);

    Caller disabled =
        Caller.api("client", DEMO, Set.of(Roles.KYC_READ), Optional.of(enabled.withEnabled(false)));
    Caller unknown = Caller.api("client", DEMO, Set.of(Roles.KYC_READ), Optional.empty());
    assertProblem(() -> Access.KYC_READ.check(disabled, null), Problem.FEATURE_NOT_ENABLED);
    assertProblem(() -> Access.KYC_READ.check(unknown, null), Problem.FEATURE_NOT_ENABLED);
  }

  @Test
  void aTokenNamingConsoleOrSystemRolesGainsNothingByIt() {
    TenantSettings enabled = TenantSettings.defaults("faceplugin-0.0.1").withEnabled(true);
    Caller forged =
        Caller.api(
            "client",
            DEMO,
            Set.of(Roles.KYC_READ, Roles.SUPPORT, Roles.TENANT_ADMIN, Roles.SYSTEM),
            Optional.of(enabled));
    assertProblem(() -> Access.SUPPORT.check(forged, null), Problem.PERMISSION_DENIED);
    assertProblem(() -> Access.OWN_TENANT.check(forged, DEMO), Problem.PERMISSION_DENIED);
    assertProblem(() -> Access.SYSTEM.check(forged, DEMO), Problem.PERMISSION_DENIED);
    assertThatCode(() -> Access.KYC_READ.check(forged, null)).doesNotThrowAnyException();
    assertThatCode(() -> Access.SYSTEM.check(Caller.system("retention"), DEMO))
        .doesNotThrowAnyException();
    assertProblem(() -> Access.SYSTEM.check(support, DEMO), Problem.PERMISSION_DENIED);
  }

  @Test
  void consoleCallersAreSupportOrTheAdminOfOneTenant() {
    assertThatThrownBy(() -> Caller.console("x", Roles.TENANT_ADMIN, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Caller.console("x", Roles.SUPPORT, DEMO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Caller.console("x", Roles.KYC_READ, DEMO))
        .isInstanceOf(IllegalArgumentException.class);
    assertProblem(support::actingTenant, Problem.PERMISSION_DENIED);
  }

  private static void assertProblem(Runnable call, Problem problem) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.problem()).isEqualTo(problem));
  }
}
