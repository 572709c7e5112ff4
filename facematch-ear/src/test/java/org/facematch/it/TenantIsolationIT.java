package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Tenant B can never see, search, verify against, blacklist, delete or read tenant A's faces. */
@ContainerTest
class TenantIsolationIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void anotherTenantCannotReachAFaceByIdByImageOrByS3Uri() {
    String tenantA = TestTenants.enabled();
    String tenantB = TestTenants.enabled();
    String creatorA = TestTenants.token(tenantA, "kyc:create").mint();
    String creatorB = TestTenants.token(tenantB, "kyc:create").mint();
    String readerB = TestTenants.token(tenantB, "kyc:read").mint();

    JsonObject ticketA =
        Api.postJson("/kyc/facematch/upload-url", creatorA, "{\"content_type\":\"image/jpeg\"}")
            .json();
    Api.send(
        HttpRequest.newBuilder(URI.create(ticketA.getString("upload_url")))
            .header("Content-Type", "image/jpeg")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(Photos.person(Photos.PERSON_A))));
    String faceA =
        Api.postJson(
                "/kyc/facematch/register",
                creatorA,
                Requests.register(Photos.person(Photos.PERSON_A), "a-1").build().toString())
            .json()
            .getString("face_id");

    JsonObject searchB =
        Api.postJson(
                "/kyc/facematch/search",
                readerB,
                Requests.search(Photos.otherPictureOf(Photos.PERSON_A)).build().toString())
            .json();
    assertThat(searchB.getInt("total_matches")).isZero();
    assertThat(Api.get("/kyc/facematch/collections/status", readerB).json().getInt("face_count"))
        .isZero();

    assertProblem(
        Api.postJson("/kyc/facematch/blacklist", creatorB, Requests.blacklist(faceA, "not yours")),
        404,
        "FACE_NOT_FOUND");
    assertProblem(
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/faces/" + faceA))
                .header("Authorization", "Bearer " + creatorB)
                .DELETE()),
        404,
        "FACE_NOT_FOUND");
    assertProblem(
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/faces/not-a-uuid"))
                .header("Authorization", "Bearer " + creatorB)
                .DELETE()),
        404,
        "FACE_NOT_FOUND");

    String s3uriOfA = ticketA.getString("s3_uri");
    String viaS3 =
        Json.createObjectBuilder()
            .add("image_format", "s3")
            .add("image", s3uriOfA)
            .add("session_id", "b-1")
            .build()
            .toString();
    assertProblem(
        Api.postJson("/kyc/facematch/register", creatorB, viaS3), 403, "PERMISSION_DENIED");
    String verifyViaS3 =
        Json.createObjectBuilder()
            .add("image_format", "s3")
            .add("source_image", s3uriOfA)
            .add("target_image", s3uriOfA)
            .build()
            .toString();
    assertProblem(
        Api.postJson("/kyc/facematch/verify", readerB, verifyViaS3), 403, "PERMISSION_DENIED");
    String traversal =
        Json.createObjectBuilder()
            .add("image_format", "s3")
            .add("image", "s3://facematch/tenants/" + tenantB + "/../" + tenantA + "/x.jpg")
            .build()
            .toString();
    assertProblem(
        Api.postJson("/kyc/facematch/search", readerB, traversal), 403, "PERMISSION_DENIED");
    String missing =
        Json.createObjectBuilder()
            .add("image_format", "s3")
            .add("image", "s3://facematch/tenants/" + tenantB + "/uploads/missing.jpg")
            .build()
            .toString();
    assertProblem(Api.postJson("/kyc/facematch/search", readerB, missing), 400, "IMAGE_NOT_FOUND");

    JsonObject stillThere =
        Api.postJson(
                "/kyc/facematch/search",
                TestTenants.token(tenantA, "kyc:read").mint(),
                Requests.search(Photos.otherPictureOf(Photos.PERSON_A)).build().toString())
            .json();
    assertThat(stillThere.getJsonArray("matches").getJsonObject(0).getString("face_id"))
        .isEqualTo(faceA);
    assertThat(stillThere.getJsonArray("matches").getJsonObject(0).getBoolean("is_blacklisted"))
        .isFalse();
  }
}
