package org.facematch.admin.tenant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.facematch.admin.ConsoleUi;
import org.facematch.admin.layout.MainLayout;
import org.facematch.audit.entity.AuditNote;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.kernel.entity.Access;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.TenantId;
import org.facematch.ratelimit.boundary.RateLimits;
import org.facematch.ratelimit.entity.RateQuotas;
import org.facematch.retention.boundary.Retention;
import org.facematch.retention.entity.RetentionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantsViewTest {

  final FakeTenants tenants = new FakeTenants();
  final FaceCollections faces =
      new FaceCollections() {
        @Override
        public Map<String, Long> countsPerTenant(Caller caller, List<String> tenantIds) {
          Access.SUPPORT.check(caller, null);
          return tenantIds.stream().collect(Collectors.toMap(id -> id, id -> 7L));
        }
      };

  final List<String> quotaChanges = new java.util.ArrayList<>();
  final RateLimits rateLimits =
      new RateLimits() {
        @Override
        public RateQuotas quotasOf(Caller caller, TenantId tenant) {
          Access.SUPPORT_OR_OWN_TENANT.check(caller, tenant);
          return RateQuotas.DEFAULTS;
        }

        @Override
        public AuditNote update(Caller caller, TenantId tenant, RateQuotas wanted) {
          Access.SUPPORT.check(caller, tenant);
          quotaChanges.add(tenant.value() + " " + wanted + " by " + caller.name());
          return AuditNote.of(wanted.changesFrom(RateQuotas.DEFAULTS));
        }
      };

  final List<String> retentionChanges = new java.util.ArrayList<>();
  final Retention retention =
      new Retention() {
        @Override
        public RetentionPolicy policyOf(Caller caller, TenantId tenant) {
          Access.SUPPORT_OR_OWN_TENANT.check(caller, tenant);
          return RetentionPolicy.DEFAULTS;
        }

        @Override
        public AuditNote update(Caller caller, TenantId tenant, RetentionPolicy wanted) {
          Access.SUPPORT.check(caller, tenant);
          retentionChanges.add(tenant.value() + " " + wanted + " by " + caller.name());
          return AuditNote.of(wanted.changesFrom(RetentionPolicy.DEFAULTS));
        }
      };

  @BeforeEach
  void openTenantsAsSupport() {
    new ConsoleUi()
        .with(MainLayout.class, () -> new MainLayout(ConsoleUi.currentUser()))
        .with(
            TenantsView.class,
            () -> new TenantsView(tenants, faces, rateLimits, retention, ConsoleUi.currentUser()))
        .start();
    ConsoleUi.signIn(ConsoleUi.SUPPORT);
    UI.getCurrent().navigate(TenantsView.class);
  }

  @AfterEach
  void stop() {
    ConsoleUi.stop();
  }

  @Test
  @SuppressWarnings("unchecked")
  void pagesLazilyAndSearchesByName() {
    Grid<?> grid = _get(Grid.class);
    assertThat(GridKt._size(grid)).isEqualTo(1000);
    GridKt._fetch(grid, 500, 20);
    assertThat(tenants.calls).contains("list  500 20");
    assertThat(tenants.calls).noneMatch(call -> call.matches("list .* 0 1000"));

    _setValue(_get(TextField.class, spec -> spec.withId("tenant-search")), "acme");
    GridKt._size(grid);
    GridKt._fetch(grid, 0, 10);
    assertThat(tenants.calls).contains("count acme", "list acme 0 10");
  }

  @Test
  @SuppressWarnings("unchecked")
  void enablesOnlyAfterConfirmation() {
    Grid<Object> grid = _get(Grid.class);
    Button enable = (Button) GridKt._getCellComponent(grid, 1, "toggle");
    assertThat(enable.getText()).isEqualTo("Enable");
    _click(enable);
    assertThat(tenants.calls).noneMatch(call -> call.startsWith("enable"));

    ConfirmDialog confirm = _get(ConfirmDialog.class);
    assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Enable face matching for Tenant 1?");
    ConfirmDialogKt._fireConfirm(confirm);

    assertThat(tenants.calls).contains("enable t1 true by sam-support");
  }

  @Test
  void createsATenantDisabledAndShowsInvalidIdsAtTheField() {
    _click(_get(Button.class, spec -> spec.withId("new-tenant")));
    _setValue(_get(TextField.class, spec -> spec.withId("tenant-id")), "bad id!");
    _setValue(_get(TextField.class, spec -> spec.withId("tenant-name")), "Acme Bank");
    _click(_get(Button.class, spec -> spec.withId("create-tenant")));
    assertThat(_get(TextField.class, spec -> spec.withId("tenant-id")).isInvalid()).isTrue();
    assertThat(tenants.calls).noneMatch(call -> call.startsWith("create"));

    _setValue(_get(TextField.class, spec -> spec.withId("tenant-id")), "acme");
    _click(_get(Button.class, spec -> spec.withId("create-tenant")));
    assertThat(tenants.calls).contains("create acme Acme Bank by sam-support");
    assertThat(_get(TextField.class, spec -> spec.withId("tenant-search")).getValue())
        .isEqualTo("acme");
  }

  @Test
  @SuppressWarnings("unchecked")
  void setsATenantsRateLimitsAndRefusesOnesOutOfRange() {
    Grid<Object> grid = _get(Grid.class);
    _click((Button) GridKt._getCellComponent(grid, 1, "rate-limits"));
    IntegerField verify = _get(IntegerField.class, spec -> spec.withId("rate-verify"));
    assertThat(verify.getValue()).isEqualTo(RateQuotas.DEFAULTS.verifyPerMinute());

    _setValue(verify, 0);
    _click(_get(Button.class, spec -> spec.withId("save-rate-limits")));
    assertThat(quotaChanges).isEmpty();
    assertThat(_get(IntegerField.class, spec -> spec.withId("rate-other")).isInvalid()).isTrue();

    _setValue(verify, 30);
    _click(_get(Button.class, spec -> spec.withId("save-rate-limits")));
    assertThat(quotaChanges)
        .containsExactly(
            "t1 RateQuotas[verifyPerMinute=30, searchPerMinute=600, registerPerMinute=300,"
                + " otherPerMinute=1200] by sam-support");
  }

  @Test
  @SuppressWarnings("unchecked")
  void setsATenantsRetentionAndRefusesPeriodsOutOfRange() {
    Grid<Object> grid = _get(Grid.class);
    _click((Button) GridKt._getCellComponent(grid, 1, "retention"));
    IntegerField faceDays = _get(IntegerField.class, spec -> spec.withId("retention-faces"));
    assertThat(faceDays.getValue()).isEqualTo(1095);

    _setValue(faceDays, 4000);
    _click(_get(Button.class, spec -> spec.withId("save-retention")));
    assertThat(retentionChanges).isEmpty();
    assertThat(_get(IntegerField.class, spec -> spec.withId("retention-audit")).getErrorMessage())
        .isEqualTo("face_retention_days must be between 1 and 3650 days");

    _setValue(faceDays, 365);
    _click(_get(Button.class, spec -> spec.withId("save-retention")));
    assertThat(retentionChanges)
        .containsExactly(
            "t1 RetentionPolicy[faceDays=365, reviewDays=90, auditDays=2555] by sam-support");
  }
}
