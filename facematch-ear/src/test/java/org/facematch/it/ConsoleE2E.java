package org.facematch.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.facematch.stack.DemoData;

/** Console users and sign-in for the browser tests; each test creates its own users. */
final class ConsoleE2E {

  record Login(String user, String password) {}

  private ConsoleE2E() {}

  static Login user(String role, String tenant) {
    String user = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    String password = UUID.randomUUID().toString();
    try (Connection c = TestStack.get().database().connect()) {
      DemoData.insertUser(c, user, password, role, tenant);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new Login(user, password);
  }

  /** Opens a console path; the console sends the user through the login view and back there. */
  static void open(Page page, String path, Login login) {
    page.navigate(Api.uri("/admin/" + path).toString());
    page.locator("input[name='username']").fill(login.user());
    page.locator("input[name='password']").fill(login.password());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(page.locator("#current-user")).hasText(login.user());
  }

  /** Audit rows of a tenant (null: none) and operation, as {@code actor|details}. */
  static List<String> audit(String tenant, String operation) {
    return rows("CONCAT_WS('|', actor, IFNULL(details, '-'))", tenant, operation);
  }

  /** Audit rows of a tenant (null: none) and operation, as {@code actor|outcome}. */
  static List<String> outcomes(String tenant, String operation) {
    return rows("CONCAT_WS('|', actor, outcome)", tenant, operation);
  }

  private static List<String> rows(String columns, String tenant, String operation) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + columns
                    + " FROM audit_events WHERE tenant_id <=> ? AND operation = ? ORDER BY id")) {
      s.setString(1, tenant);
      s.setString(2, operation);
      List<String> rows = new ArrayList<>();
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
