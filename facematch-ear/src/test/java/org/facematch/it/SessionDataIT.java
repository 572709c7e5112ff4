package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * A subject's data by session through the API: what is kept of them, and its erasure with every
 * trace of every face, leaving other subjects and other tenants alone.
 */
@ContainerTest
class SessionDataIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void aSubjectSeesWhatIsKeptOfThemAndIsErasedWithEveryTrace() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    Instant before = Instant.now().minusSeconds(5);

    JsonObject first = register(creator, Photos.person(Photos.PERSON_A), "subject-1");
    JsonObject second = register(creator, Photos.otherPictureOf(Photos.PERSON_A), "subject-1");
    JsonObject other = register(creator, Photos.person(Photos.PERSON_B), "subject-2");
    String firstId = first.getString("face_id");
    String secondId = second.getString("face_id");
    Api.postJson("/kyc/facematch/blacklist", creator, Requests.blacklist(secondId, "Forged ID"));
    JsonObject report =
        Api.postJson(
                "/kyc/facematch/search",
                reader,
                Requests.search(Photos.person(Photos.PERSON_A)).build().toString())
            .json();
    assertThat(report.getString("status")).isEqualTo("Declined");
    assertThat(TestTenants.reviewCases(tenant)).as("cases about subject-1's faces").isPositive();
    assertThat(S3.count("tenants/" + tenant + "/reviews/")).isPositive();

    Api.Reply listed = Api.get("/kyc/facematch/sessions/subject-1/faces", reader);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonObject kept = listed.json();
    assertThat(kept.getString("session_id")).isEqualTo("subject-1");
    assertThat(kept.getInt("face_count")).isEqualTo(2);
    JsonObject oldest = kept.getJsonArray("faces").getJsonObject(0);
    JsonObject newest = kept.getJsonArray("faces").getJsonObject(1);
    assertThat(oldest.getString("face_id")).isEqualTo(firstId);
    assertThat(Instant.parse(oldest.getString("registered_at"))).isAfter(before);
    assertThat(oldest.getJsonObject("metadata").getString("customer_id")).isEqualTo("subject-1");
    assertThat(oldest.getBoolean("blacklisted")).isFalse();
    assertThat(newest.getString("face_id")).isEqualTo(secondId);
    assertThat(newest.getBoolean("blacklisted")).isTrue();
    assertThat(newest.getString("blacklist_reason")).isEqualTo("Forged ID");
    assertThat(Instant.parse(newest.getString("blacklisted_at"))).isAfter(before);
    assertThat(kept.toString()).doesNotContain("s3_key").doesNotContain("embedding");

    String stranger = TestTenants.enabled();
    assertThat(
            Api.get(
                    "/kyc/facematch/sessions/subject-1/faces",
                    TestTenants.token(stranger, "kyc:read").mint())
                .json()
                .getInt("face_count"))
        .as("another tenant's subject of the same session id")
        .isZero();
    Api.Reply foreign =
        delete(
            "/kyc/facematch/sessions/subject-1", TestTenants.token(stranger, "kyc:create").mint());
    assertThat(foreign.status()).isEqualTo(200);
    assertThat(foreign.json().getInt("faces_removed")).isZero();
    ProblemAssert.assertProblem(
        delete("/kyc/facematch/sessions/subject-1", reader), 403, "PERMISSION_DENIED");
    assertThat(TestTenants.faceRows(tenant)).isEqualTo(3);

    Api.Reply erased = delete("/kyc/facematch/sessions/subject-1", creator);
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().getBoolean("erased")).isTrue();
    assertThat(erased.json().getInt("faces_removed")).isEqualTo(2);
    assertThat(
            erased
                .json()
                .getJsonArray("removed_face_ids")
                .getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly(firstId, secondId);
    assertThat(
            TestTenants.auditOf(erased.header("X-Request-Id").orElseThrow()).stream()
                .map(e -> e.substring(0, e.indexOf('|', e.indexOf('|') + 1)))
                .toList())
        .containsExactlyInAnyOrder("DELETE_FACE|OK", "DELETE_FACE|OK", "ERASE_SESSION|OK");

    assertThat(S3.exists(first.getString("s3_key"))).isFalse();
    assertThat(S3.exists(second.getString("s3_key"))).isFalse();
    assertThat(TestTenants.reviewCases(tenant)).as("review cases about the erased faces").isZero();
    assertThat(S3.count("tenants/" + tenant + "/reviews/")).as("their probe images").isZero();
    assertThat(TestTenants.faceRows(tenant)).as("subject-2 stays").isEqualTo(1);
    assertThat(S3.exists(other.getString("s3_key"))).isTrue();
    JsonObject after =
        Api.postJson(
                "/kyc/facematch/search",
                reader,
                Requests.search(Photos.person(Photos.PERSON_A))
                    .add("threshold", 0.0)
                    .build()
                    .toString())
            .json();
    assertThat(
            after.getJsonArray("matches").stream()
                .map(m -> m.asJsonObject().getString("face_id"))
                .toList())
        .containsExactly(other.getString("face_id"));

    assertThat(
            Api.get("/kyc/facematch/sessions/subject-1/faces", reader).json().getInt("face_count"))
        .isZero();
    Api.Reply again = delete("/kyc/facematch/sessions/subject-1", creator);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getInt("faces_removed")).as("erasure is idempotent").isZero();
  }

  @Test
  void anErasureTheObjectStoreStopsIsNeverReportedDoneAndGoesOnWhenCalledAgain() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    JsonObject first = register(creator, Photos.person(Photos.PERSON_C), "subject-3");
    JsonObject second = register(creator, Photos.otherPictureOf(Photos.PERSON_C), "subject-3");

    TestStack.get().objectStore().stop();
    Api.Reply failed;
    try {
      failed = delete("/kyc/facematch/sessions/subject-3", creator);
    } finally {
      TestStack.get().objectStore().start();
    }

    ProblemAssert.assertProblem(failed, 503, "STORAGE_UNAVAILABLE");
    assertThat(TestTenants.auditOf(failed.header("X-Request-Id").orElseThrow()))
        .anyMatch(e -> e.startsWith("ERASE_SESSION|STORAGE_UNAVAILABLE|"));
    assertThat(
            Api.get("/kyc/facematch/sessions/subject-3/faces", reader).json().getInt("face_count"))
        .as("faces not removed stay listed")
        .isEqualTo(2);
    Api.Reply erased = delete("/kyc/facematch/sessions/subject-3", creator);
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().getInt("faces_removed")).isEqualTo(2);
    assertThat(S3.exists(first.getString("s3_key"))).isFalse();
    assertThat(S3.exists(second.getString("s3_key"))).isFalse();
    assertThat(TestTenants.faceRows(tenant)).isZero();
  }

  @Test
  void aMalformedSessionIdIsRefused() {
    String tenant = TestTenants.enabled();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    for (String bad : List.of("a%20b", "x".repeat(129), "%C3%A9t%C3%A9")) {
      ProblemAssert.assertProblem(
          Api.get("/kyc/facematch/sessions/" + bad + "/faces", reader), 400, "INVALID_PARAMETER");
      ProblemAssert.assertProblem(
          delete("/kyc/facematch/sessions/" + bad, creator), 400, "INVALID_PARAMETER");
    }
  }

  private static JsonObject register(String creator, byte[] image, String session) {
    Api.Reply reply =
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(image, session)
                .add("metadata", Json.createObjectBuilder().add("customer_id", session))
                .build()
                .toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  private static Api.Reply delete(String path, String token) {
    return Api.send(Api.authorized(HttpRequest.newBuilder(Api.uri(path)).DELETE(), token));
  }
}
