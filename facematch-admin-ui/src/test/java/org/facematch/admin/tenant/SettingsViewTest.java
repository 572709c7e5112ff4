package org.facematch.admin.tenant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import org.facematch.admin.ConsoleUi;
import org.facematch.admin.layout.MainLayout;
import org.facematch.kernel.entity.Access;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.TenantId;
import org.facematch.retention.boundary.Retention;
import org.facematch.retention.entity.RetentionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsViewTest {

  final FakeTenants tenants = new FakeTenants();
  final Retention retention =
      new Retention() {
        @Override
        public RetentionPolicy policyOf(Caller caller, TenantId tenant) {
          Access.SUPPORT_OR_OWN_TENANT.check(caller, tenant);
          return new RetentionPolicy(365, 30, 2555);
        }
      };

  @BeforeEach
  void openSettingsAsTenantAdmin() {
    new ConsoleUi()
        .with(MainLayout.class, () -> new MainLayout(ConsoleUi.currentUser()))
        .with(
            SettingsView.class, () -> new SettingsView(tenants, retention, ConsoleUi.currentUser()))
        .start();
    ConsoleUi.signIn(ConsoleUi.DEMO_ADMIN);
    UI.getCurrent().navigate(SettingsView.class);
  }

  @AfterEach
  void stop() {
    ConsoleUi.stop();
  }

  @Test
  void showsTheRetentionSupportSet() {
    assertThat(_get(Paragraph.class, spec -> spec.withId("retention")).getText())
        .startsWith("Faces are deleted with every trace 365 days after their registration,")
        .contains("review cases with their search images 30 days after the decision")
        .contains("audit events after 2555 days");
  }

  @Test
  void refusesThresholdsOutsideZeroToOneAndFacesOutsideOneToHundred() {
    NumberField verification =
        _get(NumberField.class, spec -> spec.withId("verification_threshold"));
    _setValue(verification, 1.5);
    _setValue(_get(IntegerField.class, spec -> spec.withId("max_faces_per_user")), 0);
    _click(_get(Button.class, spec -> spec.withId("save-settings")));

    assertThat(verification.isInvalid()).isTrue();
    assertThat(verification.getErrorMessage()).isEqualTo("Must be between 0 and 1");
    assertThat(_get(IntegerField.class, spec -> spec.withId("max_faces_per_user")).isInvalid())
        .isTrue();
    assertThat(tenants.calls).noneMatch(call -> call.startsWith("update"));
  }

  @Test
  void savesWithTheVersionItReadAndExplainsTheThreshold() {
    NumberField verification =
        _get(NumberField.class, spec -> spec.withId("verification_threshold"));
    assertThat(verification.getHelperText()).contains("1 in 1,000");
    _setValue(verification, 0.85);
    assertThat(verification.getHelperText()).contains("none of 79,690 impostor pairs");

    _click(_get(Button.class, spec -> spec.withId("save-settings")));

    assertThat(tenants.calls).contains("update demo v7 0.85 5");
    NotificationsKt.expectNotifications("Settings saved");
  }

  @Test
  void offersReloadWhenAnotherAdminSavedFirst() {
    tenants.someoneElseSaved = true;
    _setValue(_get(NumberField.class, spec -> spec.withId("search_threshold")), 0.9);
    _click(_get(Button.class, spec -> spec.withId("save-settings")));

    assertThat(_get(Button.class, spec -> spec.withId("reload-settings")).isVisible()).isTrue();
    NotificationsKt.expectNotifications("Someone else changed these settings meanwhile.");
  }
}
