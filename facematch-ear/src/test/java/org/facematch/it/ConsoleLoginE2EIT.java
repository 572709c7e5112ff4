package org.facematch.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.facematch.stack.DemoData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The console in real Chromium: nothing without signing in, and a signed-in support user. */
@ContainerTest
class ConsoleLoginE2EIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void onlySignedInConsoleUsersGetPastTheLoginView() throws SQLException {
    String user = "support-" + UUID.randomUUID().toString().substring(0, 8);
    String password = UUID.randomUUID().toString();
    try (Connection c = TestStack.get().database().connect()) {
      DemoData.insertUser(c, user, password, "support", null);
    }

    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      page.navigate(Api.uri("/admin/").toString());
      assertThat(page).hasURL(Pattern.compile(".*/admin/login$"));
      Browser.screenshot(page, "console-login");

      signIn(page, user, "wrong-" + password);
      assertThat(page.locator("vaadin-login-form")).hasAttribute("error", "");
      assertThat(page).hasURL(Pattern.compile(".*/admin/login$"));

      signIn(page, user, password);
      assertThat(page.getByText("Welcome, " + user + ".")).isVisible();
      assertThat(page.getByText("You are signed in as support.")).isVisible();
      Browser.screenshot(page, "console-dashboard");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
      assertThat(page).hasURL(Pattern.compile(".*/admin/login$"));
      page.navigate(Api.uri("/admin/").toString());
      assertThat(page).hasURL(Pattern.compile(".*/admin/login$"));
    }
  }

  private static void signIn(Page page, String user, String password) {
    page.locator("input[name='username']").fill(user);
    page.locator("input[name='password']").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
  }
}
