package org.facematch.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API's register, search, verify, blacklist and delete flow for a tenant on the Rekognition
 * engine, through the real EAR, database and S3, with WireMock standing in for Rekognition and
 * speaking its JSON 1.1 wire format. These tests prove the integration and the mapping (requests
 * sent, answers and errors read, the product's rules applied to them), not Rekognition's matching
 * itself: the stand-in's similarities are scripted.
 */
@ContainerTest
class RekognitionEngineFlowIT {

  static final String JSON = RekognitionStandIn.JSON;
  static RekognitionStandIn standIn;
  static WireMockServer rekognition;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @BeforeAll
  static void startRekognitionStandIn() {
    standIn = RekognitionStandIn.start();
    rekognition = standIn.server;
  }

  @AfterAll
  static void stopRekognitionStandIn() {
    standIn.close();
  }

  @BeforeEach
  void scriptRekognition() {
    standIn.actAsACollection();
  }

  @Test
  void registerSearchVerifyBlacklistAndDeleteRunOnRekognitionWithTheSameRules() {
    String tenant = rekognitionTenant();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    byte[] photo = Photos.person(Photos.PERSON_A);

    Api.Reply registered =
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(photo, "applicant-1").build().toString());
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String faceId = registered.json().getString("face_id");
    assertThat(registered.json().getString("rekognition_face_id")).isEqualTo("rk-" + faceId);
    assertThat(S3.exists(registered.json().getString("s3_key")))
        .as("our copy of the image is kept")
        .isTrue();
    assertSent(
        "IndexFaces",
        "{\"CollectionId\":\"facematch-"
            + tenant
            + "\",\"ExternalImageId\":\""
            + faceId
            + "\",\"MaxFaces\":1,"
            + "\"QualityFilter\":\"AUTO\",\"Image\":{\"Bytes\":\""
            + Base64.getEncoder().encodeToString(photo)
            + "\"}}");

    // search: thresholds on Rekognition's 0-100 scale, our session and blacklist rules on the hits
    answer(
        "SearchFacesByImage",
        200,
        "{\"SearchedFaceConfidence\":99.8,\"FaceModelVersion\":\"7.0\",\"FaceMatches\":["
            + "{\"Similarity\":99.5,\"Face\":{\"FaceId\":\"rk-"
            + faceId
            + "\",\"ExternalImageId\":\""
            + faceId
            + "\"}},"
            + "{\"Similarity\":91.0,\"Face\":{\"FaceId\":\"rk-stranger\",\"ExternalImageId\":\"not-a-face-of-ours\"}}]}");
    String probe = Requests.search(Photos.otherPictureOf(Photos.PERSON_A)).build().toString();
    JsonObject found = Api.postJson("/kyc/facematch/search", reader, probe).json();
    assertSent(
        "SearchFacesByImage",
        "{\"CollectionId\":\"facematch-"
            + tenant
            + "\",\"FaceMatchThreshold\":60.0,\"MaxFaces\":1000}");
    assertThat(found.getInt("total_matches")).as(found.toString()).isEqualTo(1);
    JsonObject match = found.getJsonArray("matches").getJsonObject(0);
    assertThat(match.getString("face_id")).isEqualTo(faceId);
    assertThat(match.getString("session_id")).isEqualTo("applicant-1");
    assertThat(match.getJsonNumber("similarity").doubleValue()).isEqualTo(0.995);
    assertThat(found.getString("status")).isEqualTo("In Review");
    assertThat(FaceMatchingFlowIT.risks(found)).contains("DUPLICATED_FACE");

    assertThat(
            Api.postJson(
                    "/kyc/facematch/blacklist",
                    creator,
                    Requests.blacklist(faceId, "Forged passport"))
                .status())
        .isEqualTo(200);
    JsonObject declined = Api.postJson("/kyc/facematch/search", reader, probe).json();
    assertThat(declined.getString("status")).isEqualTo("Declined");
    assertThat(FaceMatchingFlowIT.risks(declined)).contains("FACE_IN_BLACKLIST");

    // verify: CompareFaces with no threshold of its own; the tenant's threshold decides
    answer(
        "CompareFaces",
        200,
        "{\"SourceImageFace\":{\"Confidence\":99.9},\"FaceMatches\":[{\"Similarity\":97.0,\"Face\":{\"Confidence\":99.5}}],\"UnmatchedFaces\":[]}");
    JsonObject verified =
        Api.postJson("/kyc/facematch/verify", reader, Requests.verify(photo, photo)).json();
    assertThat(verified.getBoolean("is_match")).as(verified.toString()).isTrue();
    assertThat(verified.getJsonNumber("similarity_score").doubleValue()).isEqualTo(0.97);
    assertThat(verified.getString("model_version")).isEqualTo("rekognition");
    assertSent("CompareFaces", "{\"SimilarityThreshold\":0.0}");
    String stricter =
        Json.createObjectBuilder(
                Json.createReader(new java.io.StringReader(Requests.verify(photo, photo)))
                    .readObject())
            .add("threshold", 0.98)
            .build()
            .toString();
    assertThat(
            Api.postJson("/kyc/facematch/verify", reader, stricter).json().getBoolean("is_match"))
        .isFalse();

    // status: Rekognition's own count and face model version
    answer(
        "DescribeCollection",
        200,
        "{\"FaceCount\":1,\"FaceModelVersion\":\"7.0\",\"CollectionARN\":\"arn:aws:rekognition:us-east-1:1:collection/x\"}");
    JsonObject status = Api.get("/kyc/facematch/collections/status", reader).json();
    assertThat(status.getInt("face_count")).isEqualTo(1);
    assertThat(status.getString("engine")).isEqualTo("rekognition");
    assertThat(status.getString("model_version")).isEqualTo("rekognition 7.0");

    // delete: Rekognition's entry, our image and our row
    Api.Reply deleted =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/faces/" + faceId))
                .header("Authorization", "Bearer " + creator)
                .DELETE());
    assertThat(deleted.status()).isEqualTo(200);
    assertSent(
        "DeleteFaces",
        "{\"CollectionId\":\"facematch-" + tenant + "\",\"FaceIds\":[\"rk-" + faceId + "\"]}");
    assertThat(S3.exists(registered.json().getString("s3_key"))).isFalse();
    JsonObject afterDelete = Api.postJson("/kyc/facematch/search", reader, probe).json();
    assertThat(afterDelete.getInt("total_matches"))
        .as("a hit Rekognition still reports but we deleted is not listed")
        .isZero();
  }

  @Test
  void uploadedImagesReachRekognitionAsS3ReferencesAndARefusedRegistrationIsUndone() {
    String tenant = rekognitionTenant();
    TestTenants.set(tenant, "max_faces_per_user = 1");
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    JsonObject ticket =
        Api.postJson("/kyc/facematch/upload-url", creator, "{\"content_type\":\"image/jpeg\"}")
            .json();
    Api.Reply put =
        Api.send(
            HttpRequest.newBuilder(URI.create(ticket.getString("upload_url")))
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Photos.person(Photos.PERSON_B))));
    assertThat(put.status()).isEqualTo(200);

    String fromS3 =
        Json.createObjectBuilder()
            .add("image_format", "s3")
            .add("image", ticket.getString("s3_uri"))
            .add("session_id", "s-1")
            .build()
            .toString();
    Api.Reply first = Api.postJson("/kyc/facematch/register", creator, fromS3);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertSent(
        "IndexFaces",
        "{\"Image\":{\"S3Object\":{\"Bucket\":\""
            + TestStack.get().objectStore().environment().get("FACEMATCH_S3_BUCKET")
            + "\",\"Name\":\""
            + ticket.getString("s3_key")
            + "\"}}}");

    Api.Reply second = Api.postJson("/kyc/facematch/register", creator, fromS3);
    assertProblem(second, 400, "MAX_FACES_EXCEEDED");
    List<String> indexed =
        rekognition
            .findAll(
                postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo("RekognitionService.IndexFaces")))
            .stream()
            .map(
                r ->
                    Json.createReader(new java.io.StringReader(r.getBodyAsString()))
                        .readObject()
                        .getString("ExternalImageId"))
            .toList();
    assertThat(indexed).hasSize(2);
    assertSent("DeleteFaces", "{\"FaceIds\":[\"rk-" + indexed.get(1) + "\"]}");
    assertThat(S3.count("tenants/" + tenant + "/faces/"))
        .as("only the first registration's image is kept")
        .isEqualTo(1);
  }

  @Test
  void rekognitionsRefusalsBecomeTheProductsProblems() {
    String tenant = rekognitionTenant();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    String verify = Requests.verify(Photos.person(Photos.PERSON_A), Photos.person(Photos.PERSON_B));

    answer("CompareFaces", 400, "{\"__type\":\"ThrottlingException\",\"Message\":\"Slow down\"}");
    Api.Reply throttled = Api.postJson("/kyc/facematch/verify", reader, verify);
    assertProblem(throttled, 429, "RATE_LIMITED");
    assertThat(throttled.header("Retry-After")).isPresent();

    answer(
        "CompareFaces",
        400,
        "{\"__type\":\"InvalidParameterException\",\"Message\":\"Request has invalid parameters\"}");
    assertProblem(Api.postJson("/kyc/facematch/verify", reader, verify), 400, "NO_FACE_DETECTED");

    answer(
        "CompareFaces",
        400,
        "{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized\"}");
    assertProblem(Api.postJson("/kyc/facematch/verify", reader, verify), 503, "ENGINE_UNAVAILABLE");

    answer(
        "CompareFaces",
        200,
        "{\"SourceImageFace\":{\"Confidence\":99.9},\"FaceMatches\":[],\"UnmatchedFaces\":[]}");
    assertProblem(Api.postJson("/kyc/facematch/verify", reader, verify), 400, "NO_FACE_DETECTED");

    byte[] webpHeader =
        "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    String webp =
        Json.createObjectBuilder()
            .add("image_format", "base64")
            .add("source_image", Photos.base64(webpHeader))
            .add("target_image", Photos.base64(Photos.person(Photos.PERSON_B)))
            .build()
            .toString();
    assertProblem(Api.postJson("/kyc/facematch/verify", reader, webp), 400, "INVALID_IMAGE");
    assertThat(rekognition.findAll(postRequestedFor(urlEqualTo("/"))))
        .as("Rekognition reads no WebP: refused before any call")
        .hasSize(4);
  }

  @Test
  void anEngineFailureDuringRegistrationLeavesNothingBehind() {
    String tenant = rekognitionTenant();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    answer(
        "IndexFaces",
        500,
        "{\"__type\":\"InternalServerError\",\"Message\":\"Rekognition is having a bad day\"}");

    assertProblem(
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(Photos.person(Photos.PERSON_C), "s-9").build().toString()),
        503,
        "ENGINE_UNAVAILABLE");

    assertThat(S3.count("tenants/" + tenant + "/faces/")).isZero();
    assertThat(TestTenants.faceRows(tenant)).as("no row in the database").isZero();

    // the engine enrolled the face, then the image store failed: Rekognition's entry is removed
    // again
    scriptRekognition();
    TestStack.get().objectStore().stop();
    Api.Reply failed;
    try {
      failed =
          Api.postJson(
              "/kyc/facematch/register",
              creator,
              Requests.register(Photos.person(Photos.PERSON_C), "s-9").build().toString());
    } finally {
      TestStack.get().objectStore().start();
    }
    assertProblem(failed, 503, "STORAGE_UNAVAILABLE");
    String enrolled =
        Json.createReader(
                new java.io.StringReader(
                    rekognition
                        .findAll(
                            postRequestedFor(urlEqualTo("/"))
                                .withHeader(
                                    "X-Amz-Target", equalTo("RekognitionService.IndexFaces")))
                        .get(0)
                        .getBodyAsString()))
            .readObject()
            .getString("ExternalImageId");
    assertSent(
        "DeleteFaces",
        "{\"CollectionId\":\"facematch-" + tenant + "\",\"FaceIds\":[\"rk-" + enrolled + "\"]}");
    assertThat(TestTenants.faceRows(tenant)).isZero();
  }

  private static String rekognitionTenant() {
    String tenant = TestTenants.enabled();
    TestTenants.set(tenant, "model_version = 'rekognition'");
    return tenant;
  }

  private static void answer(String operation, int status, String body) {
    standIn.answer(operation, status, body);
  }

  private static void assertSent(String operation, String json) {
    RequestPatternBuilder request =
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("RekognitionService." + operation))
            .withHeader("Content-Type", equalTo(JSON))
            .withRequestBody(equalToJson(json, true, true));
    rekognition.verify(request);
  }
}
