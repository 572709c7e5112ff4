package org.facematch.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Support staff and tenant admins change a tenant in real Chromium, and the API obeys at once. */
@ContainerTest
class ConsoleTenantsE2EIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void supportEnablesADisabledTenantAndItsApiStopsAnswering403() {
    String tenant = TestTenants.disabled();
    String token = TestTenants.token(tenant, "kyc:read").mint();
    assertThat(Api.get("/kyc/facematch/collections/status", token).status()).isEqualTo(403);
    ConsoleE2E.Login support = ConsoleE2E.user("support", null);

    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      ConsoleE2E.open(page, "tenants?search=" + tenant, support);
      assertThat(page.locator("#tenant-search input")).hasValue(tenant);
      assertThat(page.locator("#enable-" + tenant)).isVisible();
      Browser.screenshot(page, "console-tenants");
      page.locator("#enable-" + tenant).click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, enable")).click();
      assertThat(page.locator("#disable-" + tenant)).isVisible();
    }

    assertThat(Api.get("/kyc/facematch/collections/status", token).status()).isEqualTo(200);
    assertThat(ConsoleE2E.audit(tenant, "TENANT_ENABLE"))
        .containsExactly(support.user() + "|enabled: false -> true");
  }

  @Test
  void tenantAdminRaisesTheVerificationThresholdAndTheSameVerifyNoLongerMatches() {
    String tenant = TestTenants.enabled();
    String token = TestTenants.token(tenant, "kyc:read").mint();
    String verify =
        Requests.verify(Photos.person(Photos.PERSON_A), Photos.otherPictureOf(Photos.PERSON_A));
    JsonObject before = Api.postJson("/kyc/facematch/verify", token, verify).json();
    assertThat(before.getBoolean("is_match")).isTrue();
    double score = before.getJsonNumber("similarity_score").doubleValue();
    double raised = Math.min(1.0, Math.floor(score * 100) / 100 + 0.01);
    ConsoleE2E.Login admin = ConsoleE2E.user("tenant-admin", tenant);

    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      ConsoleE2E.open(page, "settings", admin);
      page.locator("#verification_threshold input")
          .fill(String.format(java.util.Locale.ROOT, "%.2f", raised));
      page.locator("#verification_threshold input").press("Tab");
      page.locator("#save-settings").click();
      assertThat(page.getByText("Settings saved")).isVisible();
      Browser.screenshot(page, "console-settings");
    }

    JsonObject after = Api.postJson("/kyc/facematch/verify", token, verify).json();
    assertThat(after.getBoolean("is_match")).isFalse();
    assertThat(after.getJsonNumber("threshold").doubleValue()).isEqualTo(raised);
    assertThat(ConsoleE2E.audit(tenant, "TENANT_SETTINGS_UPDATE"))
        .containsExactly(admin.user() + "|verification_threshold: 0.6 -> " + raised);
  }

  @Test
  void secondAdminSavingStaleSettingsIsRefusedInsteadOfOverwriting() {
    String tenant = TestTenants.enabled();
    ConsoleE2E.Login first = ConsoleE2E.user("tenant-admin", tenant);
    ConsoleE2E.Login second = ConsoleE2E.user("tenant-admin", tenant);

    try (Browser browser = Browser.open()) {
      Page one = browser.newPage();
      Page two = browser.newPage();
      ConsoleE2E.open(one, "settings", first);
      ConsoleE2E.open(two, "settings", second);
      one.locator("#max_faces_per_user input").fill("7");
      one.locator("#max_faces_per_user input").press("Tab");
      one.locator("#save-settings").click();
      assertThat(one.getByText("Settings saved")).isVisible();

      two.locator("#max_faces_per_user input").fill("9");
      two.locator("#max_faces_per_user input").press("Tab");
      two.locator("#save-settings").click();
      assertThat(
              two.getByText(
                  "Someone else changed these settings meanwhile. Reload to see their values."))
          .isVisible();
      assertThat(two.locator("#reload-settings")).isVisible();
    }
    assertThat(ConsoleE2E.outcomes(tenant, "TENANT_SETTINGS_UPDATE"))
        .containsExactly(first.user() + "|OK", second.user() + "|CONCURRENT_CHANGE");
    assertThat(ConsoleE2E.audit(tenant, "TENANT_SETTINGS_UPDATE"))
        .first()
        .isEqualTo(first.user() + "|max_faces_per_user: 5 -> 7");
  }

  @Test
  void supportLowersATenantsSearchQuotaAndTheApiRefusesBeyondIt() {
    String tenant = TestTenants.enabled();
    String token = TestTenants.token(tenant, "kyc:read").mint();
    // The grid now holds the tenant's default quotas: the change must replace them on commit.
    assertThat(Api.postJson("/kyc/facematch/search", token, "{}").header("RateLimit-Policy"))
        .hasValue("\"search\";q=600;w=60");
    ConsoleE2E.Login support = ConsoleE2E.user("support", null);

    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      ConsoleE2E.open(page, "tenants?search=" + tenant, support);
      page.locator("#rate-limits-" + tenant).click();
      assertThat(page.locator("#rate-search input")).hasValue("600");
      page.locator("#rate-search input").fill("1");
      page.locator("#rate-search input").press("Tab");
      Browser.screenshot(page, "console-rate-limits");
      page.locator("#save-rate-limits").click();
      assertThat(page.getByText("Rate limits of ")).isVisible();
    }

    // The next request already counts against the new quota of 1, on every node.
    Api.Reply next = Api.postJson("/kyc/facematch/search", token, "{}");
    assertThat(next.header("RateLimit-Policy")).hasValue("\"search\";q=1;w=60");
    Api.Reply limited = Api.postJson("/kyc/facematch/search", token, "{}");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("RateLimit-Policy")).hasValue("\"search\";q=1;w=60");
    assertThat(ConsoleE2E.audit(tenant, "RATE_LIMITS_UPDATE"))
        .containsExactly(support.user() + "|search_per_minute: 600 -> 1");
  }
}
