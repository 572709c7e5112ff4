package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** {@code POST /register/batch}: every item registers, or fails, as a registration of its own. */
@ContainerTest
class BatchRegistrationIT {

  static final String BATCH = "/kyc/facematch/register/batch";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void eachItemAnswersForItselfInTheOrderSentAndIsAuditedAlone() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").subject("back-office-7").mint();
    String body =
        batch(
                Requests.register(Photos.person(Photos.PERSON_A), "batch-a"),
                Requests.register(Photos.noFace(), "batch-none"),
                Requests.register(Photos.person(Photos.PERSON_B), "batch-b")
                    .add("image_format", "png"),
                Requests.register(Photos.person(Photos.PERSON_B), "batch-b"))
            .toString();

    Api.Reply reply = Api.postJson(BATCH, creator, body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonObject answer = reply.json();
    assertThat(answer.getInt("registered")).isEqualTo(2);
    assertThat(answer.getInt("failed")).isEqualTo(2);
    var results = answer.getJsonArray("results");
    assertThat(results.stream().map(r -> r.asJsonObject().getInt("index")))
        .containsExactly(0, 1, 2, 3);
    assertThat(results.stream().map(r -> r.asJsonObject().getInt("status")))
        .containsExactly(201, 400, 400, 201);
    assertThat(results.getJsonObject(1).getJsonObject("problem").getString("code"))
        .isEqualTo("NO_FACE_DETECTED");
    assertThat(results.getJsonObject(2).getJsonObject("problem").getString("code"))
        .isEqualTo("INVALID_PARAMETER");
    String faceA = results.getJsonObject(0).getJsonObject("face").getString("face_id");
    String faceB = results.getJsonObject(3).getJsonObject("face").getString("face_id");

    JsonObject found =
        Api.postJson(
                "/kyc/facematch/search",
                TestTenants.token(tenant, "kyc:read").mint(),
                Requests.search(Photos.otherPictureOf(Photos.PERSON_A)).build().toString())
            .json();
    assertThat(found.getJsonArray("matches").getJsonObject(0).getString("face_id"))
        .isEqualTo(faceA);
    assertThat(TestTenants.faceRows(tenant)).isEqualTo(2);
    String actor = "back-office-7";
    assertThat(TestTenants.auditOf(reply.header("X-Request-Id").orElseThrow()))
        .containsExactlyInAnyOrder(
            "REGISTER|OK|" + tenant + "|" + actor + "|" + faceA + "|-",
            "REGISTER|NO_FACE_DETECTED|" + tenant + "|" + actor + "|-|-",
            "REGISTER|OK|" + tenant + "|" + actor + "|" + faceB + "|-",
            "REGISTER_BATCH|OK|"
                + tenant
                + "|"
                + actor
                + "|"
                + faceA
                + ","
                + faceB
                + "|2 of 4 registered");
  }

  @Test
  void theSessionLimitAndTheQuotaHoldForEveryItem() {
    String tenant = TestTenants.enabled();
    TestTenants.set(tenant, "max_faces_per_user = 2");
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    byte[] photo = Photos.person(Photos.PERSON_C);

    JsonObject sameSession =
        Api.postJson(
                BATCH,
                creator,
                batch(
                        Requests.register(photo, "one-person"),
                        Requests.register(photo, "one-person"),
                        Requests.register(photo, "one-person"))
                    .toString())
            .json();
    assertThat(sameSession.getInt("registered")).isEqualTo(2);
    assertThat(codes(sameSession)).containsExactly("MAX_FACES_EXCEEDED");

    // a tenant of its own: quotas are read once per minute, and this one has made calls already
    String limited = TestTenants.enabled();
    TestTenants.rateLimits(limited, 100, 100, 3, 100);
    JsonObject overQuota =
        Api.postJson(
                BATCH,
                TestTenants.token(limited, "kyc:create").mint(),
                batch(
                        Requests.register(photo, "q1"),
                        Requests.register(photo, "q2"),
                        Requests.register(photo, "q3"),
                        Requests.register(photo, "q4"),
                        Requests.register(photo, "q5"))
                    .toString())
            .json();
    assertThat(overQuota.getInt("registered")).isEqualTo(3);
    assertThat(codes(overQuota)).containsExactly("RATE_LIMITED", "RATE_LIMITED");
  }

  @Test
  void aBatchMustHoldOneToFiftyItems() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    JsonArrayBuilder many = Json.createArrayBuilder();
    for (int i = 0; i < 51; i++) {
      many.add(Requests.register(new byte[] {1}, "s" + i));
    }

    for (String body :
        List.of(
            "{}",
            "{\"items\":[]}",
            Json.createObjectBuilder().add("items", many).build().toString())) {
      assertProblem(Api.postJson(BATCH, creator, body), 400, "INVALID_PARAMETER");
    }
    assertProblem(
        Api.postJson(BATCH, TestTenants.token(tenant, "kyc:read").mint(), "{\"items\":[]}"),
        403,
        "PERMISSION_DENIED");
    assertThat(TestTenants.faceRows(tenant)).isZero();
  }

  private static JsonObject batch(jakarta.json.JsonObjectBuilder... items) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (var item : items) {
      array.add(item);
    }
    return Json.createObjectBuilder().add("items", array).build();
  }

  private static List<String> codes(JsonObject answer) {
    return answer.getJsonArray("results").stream()
        .map(JsonObject.class::cast)
        .filter(r -> r.containsKey("problem"))
        .map(r -> r.getJsonObject("problem").getString("code"))
        .toList();
  }
}
