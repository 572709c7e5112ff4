package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The whole life of a face through the real EAR, real engine, real database and real S3. */
@ContainerTest
class FaceMatchingFlowIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void uploadRegisterSearchBlacklistDeleteThroughS3() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String reader = TestTenants.token(tenant, "kyc:read").mint();

    JsonObject ticket =
        Api.postJson("/kyc/facematch/upload-url", creator, "{\"content_type\":\"image/jpeg\"}")
            .json();
    Api.Reply put =
        Api.send(
            HttpRequest.newBuilder(URI.create(ticket.getString("upload_url")))
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Photos.person(Photos.PERSON_A))));
    assertThat(put.status()).isEqualTo(200);

    Api.Reply registered =
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Json.createObjectBuilder()
                .add("image_format", "s3")
                .add("image", ticket.getString("s3_uri"))
                .add("session_id", "applicant-1")
                .add("metadata", Json.createObjectBuilder().add("customer", "c-42"))
                .build()
                .toString());
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String faceId = registered.json().getString("face_id");
    String s3Key = registered.json().getString("s3_key");
    assertThat(s3Key).startsWith("tenants/" + tenant + "/faces/" + faceId);
    assertThat(registered.json().getString("rekognition_face_id")).isEqualTo(faceId);
    assertThat(S3.exists(s3Key)).isTrue();

    String probe = Requests.search(Photos.otherPictureOf(Photos.PERSON_A)).build().toString();
    Api.Reply searched = Api.postJson("/kyc/facematch/search", reader, probe);
    JsonObject found = searched.json();
    assertThat(found.getInt("total_matches")).isEqualTo(1);
    JsonObject match = found.getJsonArray("matches").getJsonObject(0);
    assertThat(match.getString("face_id")).isEqualTo(faceId);
    assertThat(match.getString("session_id")).isEqualTo("applicant-1");
    assertThat(match.getJsonNumber("similarity").doubleValue()).isGreaterThanOrEqualTo(0.8);
    assertThat(match.getJsonObject("metadata").getString("customer")).isEqualTo("c-42");
    assertThat(match.getBoolean("is_blacklisted")).isFalse();
    assertThat(Instant.parse(match.getString("registered_at")))
        .isBetween(Instant.now().minusSeconds(120), Instant.now());
    Instant linkExpires = Instant.parse(match.getString("match_image_expires_at"));
    assertThat(linkExpires).isBefore(Instant.now().plusSeconds(3600 + 5));
    assertThat(linkExpires).isAfter(Instant.now().plusSeconds(3600 - 120));
    URI link = URI.create(match.getString("match_image_url"));
    assertThat(link.getQuery()).contains("X-Amz-Expires=3600").contains("X-Amz-Signature=");
    HttpResponse<byte[]> image = fetch(link);
    assertThat(image.statusCode()).as("anyone holding the link reads the image").isEqualTo(200);
    assertThat(image.body()).isEqualTo(S3.read(s3Key));
    assertThat(
            TestTenants.auditOf(searched.header("X-Request-Id").orElseThrow()).stream()
                .map(e -> e.substring(0, e.indexOf('|', e.indexOf('|') + 1)))
                .toList())
        .as("issuing the link is an image access of its own")
        .contains("SEARCH|OK", "MATCH_IMAGE_LINKS|OK");
    assertThat(found.getString("status")).isEqualTo("In Review");
    assertThat(risks(found)).contains("DUPLICATED_FACE");

    JsonObject ownSession =
        Api.postJson(
                "/kyc/facematch/search",
                reader,
                Requests.search(Photos.otherPictureOf(Photos.PERSON_A))
                    .add("session_id", "applicant-1")
                    .build()
                    .toString())
            .json();
    assertThat(ownSession.getString("status")).isEqualTo("Approved");

    JsonObject blacklisted =
        Api.postJson(
                "/kyc/facematch/blacklist", creator, Requests.blacklist(faceId, "Forged passport"))
            .json();
    assertThat(blacklisted.getBoolean("is_blacklisted")).isTrue();
    assertThat(blacklisted.getString("blacklist_reason")).isEqualTo("Forged passport");
    JsonObject again =
        Api.postJson(
                "/kyc/facematch/blacklist", creator, Requests.blacklist(faceId, "Another reason"))
            .json();
    assertThat(again.getString("blacklist_reason")).isEqualTo("Forged passport");
    assertThat(again.getString("blacklisted_at"))
        .isEqualTo(blacklisted.getString("blacklisted_at"));

    JsonObject declined = Api.postJson("/kyc/facematch/search", reader, probe).json();
    assertThat(declined.getString("status")).isEqualTo("Declined");
    assertThat(risks(declined)).contains("FACE_IN_BLACKLIST");
    assertThat(declined.getJsonArray("matches").getJsonObject(0).getString("blacklist_reason"))
        .isEqualTo("Forged passport");
    String reviews = "tenants/" + tenant + "/reviews/";
    assertThat(TestTenants.reviewCases(tenant))
        .as("the duplicate and the blacklist hit wait for review")
        .isEqualTo(2);
    assertThat(S3.count(reviews)).isEqualTo(2);

    Api.Reply deleted =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/faces/" + faceId))
                .header("Authorization", "Bearer " + creator)
                .DELETE());
    assertThat(deleted.status()).isEqualTo(200);
    JsonObject gone = Api.postJson("/kyc/facematch/search", reader, probe).json();
    assertThat(gone.getInt("total_matches")).isZero();
    assertThat(gone.getString("status")).isEqualTo("Approved");
    assertThat(S3.exists(s3Key)).isFalse();
    assertThat(fetch(link).statusCode()).as("a link to a deleted face's image").isEqualTo(404);
    assertThat(TestTenants.reviewCases(tenant)).as("review cases of the deleted face").isZero();
    assertThat(S3.count(reviews)).as("search images kept for those cases").isZero();
    assertThat(TestTenants.faceRows(tenant)).isZero();
    assertThat(Api.get("/kyc/facematch/collections/status", reader).json().getInt("face_count"))
        .isZero();
  }

  private static HttpResponse<byte[]> fetch(URI link) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void verifiesTheSamePersonAndRejectsAnother() {
    String reader = TestTenants.token(TestTenants.enabled(), "kyc:read").mint();

    JsonObject same =
        Api.postJson(
                "/kyc/facematch/verify",
                reader,
                Requests.verify(
                    Photos.person(Photos.PERSON_A), Photos.otherPictureOf(Photos.PERSON_A)))
            .json();
    JsonObject other =
        Api.postJson(
                "/kyc/facematch/verify",
                reader,
                Requests.verify(Photos.person(Photos.PERSON_A), Photos.person(Photos.PERSON_B)))
            .json();

    assertThat(same.getBoolean("is_match")).isTrue();
    assertThat(same.getJsonNumber("similarity_score").doubleValue()).isGreaterThanOrEqualTo(0.6);
    assertThat(same.getJsonNumber("confidence").doubleValue()).isBetween(0.65, 1.0);
    assertThat(same.getJsonNumber("processing_time_ms").longValue()).isPositive();
    assertThat(same.getString("model_version")).isEqualTo("faceplugin-0.0.1");
    assertThat(other.getBoolean("is_match")).isFalse();
    assertThat(other.getJsonNumber("similarity_score").doubleValue()).isLessThan(0.6);

    double score = same.getJsonNumber("similarity_score").doubleValue();
    String stricter =
        Json.createObjectBuilder(
                Json.createReader(
                        new java.io.StringReader(
                            Requests.verify(
                                Photos.person(Photos.PERSON_A),
                                Photos.otherPictureOf(Photos.PERSON_A))))
                    .readObject())
            .add("threshold", Math.min(1.0, score + 0.001))
            .build()
            .toString();
    assertThat(
            Api.postJson("/kyc/facematch/verify", reader, stricter).json().getBoolean("is_match"))
        .isFalse();
  }

  static List<String> risks(JsonObject report) {
    return report.getJsonArray("warnings").getValuesAs(JsonObject.class).stream()
        .map(w -> w.getString("risk"))
        .toList();
  }
}
