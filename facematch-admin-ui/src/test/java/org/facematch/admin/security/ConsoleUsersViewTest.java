package org.facematch.admin.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.facematch.admin.ConsoleUi;
import org.facematch.admin.layout.MainLayout;
import org.facematch.kernel.entity.Access;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.tenant.boundary.ConsoleAccounts;
import org.facematch.tenant.entity.ConsoleLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleUsersViewTest {

  final List<String> created = new ArrayList<>();
  final ConsoleAccounts accounts =
      new ConsoleAccounts() {
        @Override
        public List<ConsoleLogin> list(Caller actor, int offset, int limit) {
          Access.SUPPORT.check(actor, null);
          return List.of();
        }

        @Override
        public int count(Caller actor) {
          return 0;
        }

        @Override
        public ConsoleLogin create(
            Caller actor, String username, String password, String role, String tenantId) {
          Access.SUPPORT.check(actor, null);
          if (password.length() < MIN_PASSWORD) {
            throw new FaceMatchException(
                Problem.INVALID_PARAMETER, "The password needs at least 12 characters");
          }
          created.add(username + " " + role + " " + tenantId + " by " + actor.name());
          return new ConsoleLogin(
              username, role, tenantId, true, null, java.time.Instant.EPOCH, actor.name());
        }
      };

  @BeforeEach
  void openAsSupport() {
    new ConsoleUi()
        .with(MainLayout.class, () -> new MainLayout(ConsoleUi.currentUser()))
        .with(ConsoleUsersView.class, () -> new ConsoleUsersView(accounts, ConsoleUi.currentUser()))
        .start();
    ConsoleUi.signIn(ConsoleUi.SUPPORT);
    UI.getCurrent().navigate(ConsoleUsersView.class);
  }

  @AfterEach
  void stop() {
    ConsoleUi.stop();
  }

  @Test
  void createsATenantAdminAndShowsTheDomainsRefusals() {
    _setValue(_get(TextField.class, spec -> spec.withId("new-username")), "alice");
    _setValue(_get(TextField.class, spec -> spec.withId("new-tenant")), "demo");
    _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), "short");
    _click(_get(Button.class, spec -> spec.withId("create-user")));
    NotificationsKt.expectNotifications("The password needs at least 12 characters");
    assertThat(created).isEmpty();

    _setValue(
        _get(PasswordField.class, spec -> spec.withId("new-password")), "long enough password");
    _click(_get(Button.class, spec -> spec.withId("create-user")));
    assertThat(created).containsExactly("alice tenant-admin demo by sam-support");
  }
}
