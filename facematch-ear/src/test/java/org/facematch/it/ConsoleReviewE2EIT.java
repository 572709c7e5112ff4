package org.facematch.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * A search that hits a blacklisted face waits in the review queue for the tenant admin's decision.
 */
@ContainerTest
class ConsoleReviewE2EIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void blacklistedFaceFoundBySearchIsReviewedSideBySideAndTheDecisionAudited() {
    String tenant = TestTenants.enabled();
    String session = "fraud-" + UUID.randomUUID().toString().substring(0, 8);
    String faceId = ConsoleFacesE2EIT.register(tenant, session, Photos.person(Photos.PERSON_A));
    String writer = TestTenants.token(tenant, "kyc:create").mint();
    assertThat(
            Api.postJson(
                    "/kyc/facematch/blacklist",
                    writer,
                    Requests.blacklist(faceId, "Forged passport"))
                .status())
        .isEqualTo(200);
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    JsonObject report =
        Api.postJson(
                "/kyc/facematch/search",
                reader,
                Requests.search(Photos.otherPictureOf(Photos.PERSON_A)).build().toString())
            .json();
    assertThat(report.getString("status")).isIn("Declined", "In Review");
    ConsoleE2E.Login admin = ConsoleE2E.user("tenant-admin", tenant);

    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      ConsoleE2E.open(page, "reviews", admin);
      page.getByText(session).click();
      page.waitForFunction(
          "() => [...document.querySelectorAll('img.review-image')].filter(i => i.complete && i.naturalWidth > 0).length == 2");
      Browser.screenshot(page, "console-review");
      page.locator("#review-note input").fill("Same person as the forged passport");
      page.locator("#confirm-review").click();
      assertThat(page.getByText("Confirmed", new Page.GetByTextOptions().setExact(true)))
          .isVisible();
      assertThat(page.getByText(session)).isHidden();

      page.navigate(Api.uri("/admin/audit").toString());
      page.locator("#audit-operation input").fill("REVIEW_CONFIRM");
      page.locator("#audit-from input").fill("1/1/2020");
      page.locator("#audit-from input").press("Enter");
      assertThat(
              page.getByText(
                  "Same person as the forged passport",
                  new Page.GetByTextOptions().setExact(false)))
          .isVisible();
      Browser.screenshot(page, "console-audit");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export CSV")).click();
      assertThat(page.locator("#download-csv")).isVisible();
    }
    assertThat(ConsoleE2E.audit(tenant, "REVIEW_CONFIRM"))
        .singleElement()
        .asString()
        .startsWith(admin.user() + "|case ")
        .endsWith(": Same person as the forged passport");
  }
}
