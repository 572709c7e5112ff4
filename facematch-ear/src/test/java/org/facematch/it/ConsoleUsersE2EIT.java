package org.facematch.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Support creates a tenant admin who can sign in; password guessing makes a login wait. */
@ContainerTest
class ConsoleUsersE2EIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void supportCreatesATenantAdminWhoSignsInToTheirDashboard() {
    String tenant = TestTenants.enabled();
    TestTenants.addFaces(tenant, 3);
    ConsoleE2E.Login support = ConsoleE2E.user("support", null);
    ConsoleE2E.Login created =
        new ConsoleE2E.Login(
            "admin-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID().toString());

    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      ConsoleE2E.open(page, "users", support);
      page.locator("#new-username input").fill(created.user());
      page.locator("#new-tenant input").fill(tenant);
      page.locator("#new-password input").fill(created.password());
      page.locator("#create-user").click();
      assertThat(page.getByText("User " + created.user() + " created")).isVisible();
      Browser.screenshot(page, "console-users");

      Page other = browser.newPage();
      ConsoleE2E.open(other, "", created);
      assertThat(other.locator("#face-counts")).hasText("3 faces, 0 blacklisted");
      assertThat(other.locator("#operations-chart")).isVisible();
      Browser.screenshot(other, "console-dashboard-tenant");
    }
    assertThat(ConsoleE2E.audit(tenant, "CONSOLE_USER_CREATE"))
        .containsExactly(support.user() + "|user: " + created.user() + ", role: tenant-admin");
  }

  @Test
  void fiveWrongPasswordsMakeTheLoginWaitAndEveryAttemptIsAudited() {
    ConsoleE2E.Login user = ConsoleE2E.user("support", null);
    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      page.navigate(Api.uri("/admin/").toString());
      for (int i = 0; i < 5; i++) {
        attempt(page, user.user(), "wrong-" + i);
        assertThat(page.locator("vaadin-login-form")).hasAttribute("error", "");
      }
      attempt(page, user.user(), user.password());
      assertThat(page.locator("vaadin-login-form")).hasAttribute("error", "");
      assertThat(page).hasURL(Pattern.compile(".*/admin/login$"));
    }
    assertThat(
            ConsoleE2E.audit(null, "CONSOLE_SIGN_IN").stream()
                .filter(row -> row.startsWith(user.user() + "|")))
        .hasSize(6);
    assertThat(signInOutcomes(user.user()))
        .containsExactly(
            "INVALID_CREDENTIALS",
            "INVALID_CREDENTIALS",
            "INVALID_CREDENTIALS",
            "INVALID_CREDENTIALS",
            "INVALID_CREDENTIALS",
            "LOCKED");
  }

  private static void attempt(Page page, String user, String password) {
    page.locator("input[name='username']").fill(user);
    page.locator("input[name='password']").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
  }

  private static java.util.List<String> signInOutcomes(String user) {
    try (var c = TestStack.get().database().connect();
        var s =
            c.prepareStatement(
                "SELECT outcome FROM audit_events WHERE operation = 'CONSOLE_SIGN_IN' AND actor = ? ORDER BY id")) {
      s.setString(1, user);
      var rows = new java.util.ArrayList<String>();
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
