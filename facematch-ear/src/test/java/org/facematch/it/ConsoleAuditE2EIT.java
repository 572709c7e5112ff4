package org.facematch.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The audit log stays quick with 100,000 events of one tenant, filtered in the database. */
@ContainerTest
class ConsoleAuditE2EIT {

  static final int EVENTS = 100_000;

  /** 0-9 as a derived table; five of them cross-joined count to 99,999 without recursion limits. */
  static final String DIGITS =
      "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
          + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void filtersAHundredThousandEventsQuickly() {
    String tenant = TestTenants.enabled();
    seed(tenant);
    ConsoleE2E.Login admin = ConsoleE2E.user("tenant-admin", tenant);

    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      long start = System.nanoTime();
      ConsoleE2E.open(page, "audit", admin);
      assertThat(page.getByText("event 99999", new Page.GetByTextOptions().setExact(true)))
          .isVisible();
      long opened = (System.nanoTime() - start) / 1_000_000;

      long filterStart = System.nanoTime();
      page.locator("#audit-actor input").fill("client-7");
      page.locator("#audit-outcome input").fill("NO_FACE_DETECTED");
      assertThat(page.getByText("event 99997", new Page.GetByTextOptions().setExact(true)))
          .isVisible();
      assertThat(page.getByText("event 99999", new Page.GetByTextOptions().setExact(true)))
          .isHidden();
      long filtered = (System.nanoTime() - filterStart) / 1_000_000;
      Browser.screenshot(page, "console-audit-100k");
      System.out.printf(
          "Audit log with %,d events: opened in %d ms, filtered in %d ms (incl. 2 lazy-input delays)%n",
          EVENTS, opened, filtered);
      assertThat(opened).isLessThan(10_000);
      assertThat(filtered).isLessThan(5_000);

      page.locator("#export-csv").click();
      Download download = page.waitForDownload(() -> page.locator("#download-csv").click());
      List<String> rows = csvRows(download);
      assertThat(rows)
          .hasSize(6_667); // i % 10 == 7 (10,000) minus i % 30 == 27 (3,333) among 0..99,999
      assertThat(rows)
          .allMatch(
              row ->
                  row.contains("," + tenant + ",client-7,") && row.contains(",NO_FACE_DETECTED,"));
      assertThat(rows.get(0)).endsWith(",event 99997");
    }
  }

  @Test
  void tenantAdminsSeeOnlyTheirOwnTenantsEvents() {
    String seeded = TestTenants.enabled();
    seed(seeded);
    String own = TestTenants.enabled();
    insertEvent(own, "client-7", "own event");
    ConsoleE2E.Login outsider = ConsoleE2E.user("tenant-admin", own);
    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      ConsoleE2E.open(page, "audit", outsider);
      page.locator("#audit-actor input").fill("client-7");
      assertThat(page.getByText("own event", new Page.GetByTextOptions().setExact(true)))
          .isVisible();
      assertThat(page.getByText("event 99997", new Page.GetByTextOptions().setExact(true)))
          .hasCount(0);
      assertThat(page.locator("#audit-tenant")).isHidden();
    }
  }

  private static void insertEvent(String tenant, String actor, String details) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_events (occurred_at, tenant_id, actor, operation, outcome, details)"
                    + " VALUES (UTC_TIMESTAMP(3), ?, ?, 'VERIFY', 'OK', ?)")) {
      s.setString(1, tenant);
      s.setString(2, actor);
      s.setString(3, details);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> csvRows(Download download) {
    try {
      List<String> lines = Files.readAllLines(download.path());
      assertThat(lines.get(0)).startsWith("id,occurred_at,tenant_id,actor,operation,outcome");
      return lines.subList(1, lines.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One statement, so seeding takes about a second: event i by client-(i % 10), every 3rd failed.
   */
  static void seed(String tenant) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_events (occurred_at, tenant_id, actor, operation, outcome, details)"
                    + " SELECT UTC_TIMESTAMP(3) - INTERVAL (? - i) SECOND, ?, CONCAT('client-', i % 10),"
                    + " IF(i % 2 = 0, 'VERIFY', 'SEARCH'), IF(i % 3 = 0, 'OK', 'NO_FACE_DETECTED'), CONCAT('event ', i)"
                    + " FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS i"
                    + " FROM "
                    + DIGITS
                    + " a, "
                    + DIGITS
                    + " b, "
                    + DIGITS
                    + " c, "
                    + DIGITS
                    + " e, "
                    + DIGITS
                    + " f) n")) {
      s.setInt(1, EVENTS);
      s.setString(2, tenant);
      assertThat(s.executeUpdate()).isEqualTo(EVENTS);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
