package org.facematch.admin.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import org.facematch.admin.ConsoleUi;
import org.facematch.admin.collection.FacesView;
import org.facematch.admin.dashboard.DashboardView;
import org.facematch.admin.layout.BackgroundTasks;
import org.facematch.admin.layout.MainLayout;
import org.facematch.admin.tenant.SettingsView;
import org.facematch.admin.tenant.TenantsView;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.tenant.boundary.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roles each view declares hold, whatever URL the user types. */
class ViewAccessTest {

  final Tenants refusingBoundary = new Tenants();

  @BeforeEach
  void startConsoleWithItsAccessControl() {
    new ConsoleUi()
        .with(MainLayout.class, () -> new MainLayout(ConsoleUi.currentUser()))
        .with(LoginView.class, () -> new LoginView(ConsoleUi.currentUser()))
        .with(
            DashboardView.class,
            () -> new DashboardView(ConsoleUi.currentUser(), new FaceCollections(), new AuditLog()))
        .with(
            TenantsView.class,
            () ->
                new TenantsView(
                    refusingBoundary,
                    new FaceCollections(),
                    new org.facematch.ratelimit.boundary.RateLimits(),
                    new org.facematch.retention.boundary.Retention(),
                    ConsoleUi.currentUser()))
        .with(
            SettingsView.class,
            () ->
                new SettingsView(
                    refusingBoundary,
                    new org.facematch.retention.boundary.Retention(),
                    ConsoleUi.currentUser()))
        .with(
            ConsoleUsersView.class,
            () ->
                new ConsoleUsersView(
                    new org.facematch.tenant.boundary.ConsoleAccounts(), ConsoleUi.currentUser()))
        .with(
            FacesView.class,
            () ->
                new FacesView(
                    new FaceCollections(),
                    new org.facematch.collection.boundary.Blacklist(),
                    new BackgroundTasks(),
                    ConsoleUi.currentUser()))
        .start();
    ConsoleAccessControl accessControl = new ConsoleAccessControl();
    accessControl.setLoginView(LoginView.class);
    UI.getCurrent().addBeforeEnterListener(accessControl);
  }

  @AfterEach
  void stop() {
    ConsoleUi.stop();
  }

  @Test
  void anonymousUsersLandOnTheLoginView() {
    navigate("tenants");
    _assertOne(LoginView.class);
    _assertNone(TenantsView.class);
  }

  @Test
  void tenantAdminsCannotOpenTheTenantList() {
    ConsoleUi.signIn(ConsoleUi.DEMO_ADMIN);
    assertDenied("tenants", TenantsView.class);
    assertDenied("users", ConsoleUsersView.class);
  }

  @Test
  void supportStaffCannotOpenATenantAdminsSettings() {
    ConsoleUi.signIn(ConsoleUi.SUPPORT);
    assertDenied("settings", SettingsView.class);
    assertDenied("faces", FacesView.class);
    UI.getCurrent().navigate("");
    _assertOne(DashboardView.class);
  }

  private static void navigate(String location) {
    UI.getCurrent().navigate(location);
  }

  /** Karibu's access-denied error view fails loudly, naming Vaadin's AccessDeniedException. */
  private static void assertDenied(
      String location, Class<? extends com.vaadin.flow.component.Component> view) {
    UI.getCurrent().navigate(location);
    assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
        .noneMatch(view::isInstance);
    assertThatThrownBy(() -> _assertNone(view)).hasMessageContaining("AccessDeniedException");
  }
}
