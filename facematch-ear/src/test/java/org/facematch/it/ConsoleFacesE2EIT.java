package org.facematch.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** A tenant admin sees and manages only their own tenant's faces; support staff see none. */
@ContainerTest
class ConsoleFacesE2EIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void tenantAdminSeesOnlyOwnFacesWithThumbnailsAndBlacklistsOne() {
    String mine = TestTenants.enabled();
    String other = TestTenants.enabled();
    String mySession = "mine-" + UUID.randomUUID().toString().substring(0, 8);
    String otherSession = "other-" + UUID.randomUUID().toString().substring(0, 8);
    String faceId = register(mine, mySession, Photos.person(Photos.PERSON_A));
    register(other, otherSession, Photos.person(Photos.PERSON_B));
    ConsoleE2E.Login admin = ConsoleE2E.user("tenant-admin", mine);

    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      ConsoleE2E.open(page, "faces?tenant=" + other, admin);
      assertThat(page.getByText(mySession)).isVisible();
      assertThat(page.getByText(otherSession)).hasCount(0);
      page.waitForFunction(
          "() => [...document.querySelectorAll('img.face-thumbnail')].some(i => i.complete && i.naturalWidth > 0)");
      Browser.screenshot(page, "console-faces");

      page.locator("#blacklist-" + faceId).click();
      page.locator("#blacklist-reason textarea").fill("Forged passport");
      page.locator("#confirm-blacklist").click();
      assertThat(page.getByText("Blacklisted: Forged passport")).isVisible();
      assertThat(searchRisks(mine)).contains("FACE_IN_BLACKLIST");

      page.locator("#unblacklist-" + faceId).click();
      assertThat(page.getByText("Blacklisted: Forged passport")).isHidden();
      assertThat(searchRisks(mine))
          .doesNotContain("FACE_IN_BLACKLIST", "POSSIBLE_FACE_IN_BLACKLIST");
    }
    assertThat(ConsoleE2E.audit(mine, "BLACKLIST"))
        .containsExactly(admin.user() + "|reason: Forged passport");
    assertThat(ConsoleE2E.audit(other, "BLACKLIST")).isEmpty();
  }

  @Test
  void supportStaffCannotOpenFaces() {
    ConsoleE2E.Login support = ConsoleE2E.user("support", null);
    try (Browser browser = Browser.open()) {
      Page page = browser.newPage();
      ConsoleE2E.open(page, "", support);
      page.navigate(Api.uri("/admin/faces").toString());
      assertThat(page.locator("body")).containsText("Could not navigate to 'faces'");
      assertThat(page.locator("#faces")).hasCount(0);
      assertThat(page.locator("img.face-thumbnail")).hasCount(0);
    }
  }

  /**
   * The risks a search for another picture of the same person reports: the API's view of the index.
   */
  static java.util.List<String> searchRisks(String tenant) {
    String token = TestTenants.token(tenant, "kyc:read").mint();
    return FaceMatchingFlowIT.risks(
        Api.postJson(
                "/kyc/facematch/search",
                token,
                Requests.search(Photos.otherPictureOf(Photos.PERSON_A)).build().toString())
            .json());
  }

  static String register(String tenant, String session, byte[] image) {
    String token = TestTenants.token(tenant, "kyc:create").mint();
    Api.Reply reply =
        Api.postJson(
            "/kyc/facematch/register", token, Requests.register(image, session).build().toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getString("face_id");
  }
}
