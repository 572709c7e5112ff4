package org.facematch.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way a face leaves (a delete, a subject's erasure, the retention purge; on the local engine
 * and on Rekognition) leaves nothing of it in any store: its row, the review cases that name it,
 * its image and their search images, its search index entry, its engine entry. Everything else
 * stays. An erasure the object store drops in the middle is never reported done while anything is
 * left, and finishes when called again.
 */
@ContainerTest
class ZeroOrphansIT {

  static WireMockServer rekognition;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @BeforeAll
  static void startRekognitionStandIn() {
    rekognition =
        new WireMockServer(options().port(TestStack.REKOGNITION_PORT).globalTemplating(true));
    rekognition.start();
    answer(
        "IndexFaces",
        "{\"FaceRecords\":[{\"Face\":{\"FaceId\":\"rk-{{jsonPath request.body '$.ExternalImageId'}}\","
            + "\"ExternalImageId\":\"{{jsonPath request.body '$.ExternalImageId'}}\",\"Confidence\":99.9},"
            + "\"FaceDetail\":{\"Confidence\":99.9,\"Quality\":{\"Brightness\":80.0,\"Sharpness\":70.0}}}],"
            + "\"FaceModelVersion\":\"7.0\",\"UnindexedFaces\":[]}");
    answer("DeleteFaces", "{\"DeletedFaces\":[\"{{jsonPath request.body '$.FaceIds[0]'}}\"]}");
  }

  @AfterAll
  static void stopRekognitionStandIn() {
    rekognition.stop();
  }

  @Test
  void aDeletedFaceLeavesNothingAndTheOthersStay() {
    Tenant t = Tenant.local();
    JsonObject gone = t.register(Photos.person(Photos.PERSON_A), "subject-a");
    JsonObject other = t.register(Photos.person(Photos.PERSON_B), "subject-b");
    assertThat(t.search(Photos.otherPictureOf(Photos.PERSON_A))).isEqualTo("In Review");
    Traces traces = Traces.of(t.id, gone);
    assertThat(traces.probeKeys()).as("a review case with its search image").hasSize(1);

    assertThat(t.delete("/kyc/facematch/faces/" + gone.getString("face_id")).status())
        .isEqualTo(200);

    traces.assertGone();
    Traces.of(t.id, other).assertKept();
    assertThat(traces.searchable(t.reader, Photos.person(Photos.PERSON_A))).isFalse();
    assertThat(Traces.of(t.id, other).searchable(t.reader, Photos.person(Photos.PERSON_B)))
        .isTrue();
  }

  @Test
  void anErasureTheObjectStoreDropsInTheMiddleIsResumedUntilNothingIsLeft() {
    Tenant t = Tenant.local();
    List<Traces> subject =
        List.of(
            Traces.of(t.id, t.register(Photos.person(Photos.PERSON_A), "subject-s")),
            Traces.of(t.id, t.register(Photos.otherPictureOf(Photos.PERSON_A), "subject-s")),
            Traces.of(t.id, t.register(Photos.person(Photos.PERSON_C), "subject-s")));
    Traces other = Traces.of(t.id, t.register(Photos.person(Photos.PERSON_B), "subject-o"));

    TestStack.get().objectStore().failAfterDeletes(1);
    Api.Reply dropped;
    try {
      dropped = t.delete("/kyc/facematch/sessions/subject-s");
    } finally {
      TestStack.get().objectStore().heal();
    }

    assertProblem(dropped, 503, "STORAGE_UNAVAILABLE");
    subject.get(0).assertGone();
    assertThat(subject.get(1).inStores())
        .as("the face the outage hit")
        .contains("its row in faces");
    assertThat(
            Api.get("/kyc/facematch/sessions/subject-s/faces", t.reader)
                .json()
                .getInt("face_count"))
        .as("what is left stays listed")
        .isEqualTo(2);

    Api.Reply resumed = t.delete("/kyc/facematch/sessions/subject-s");
    assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
    assertThat(resumed.json().getBoolean("erased")).isTrue();
    assertThat(resumed.json().getInt("faces_removed")).isEqualTo(2);
    subject.forEach(Traces::assertGone);
    other.assertKept();
    assertThat(subject.get(2).searchable(t.reader, Photos.person(Photos.PERSON_C))).isFalse();
    assertThat(other.searchable(t.reader, Photos.person(Photos.PERSON_B))).isTrue();
  }

  @Test
  void aFaceTheRetentionPurgeRemovesLeavesNothing() {
    Tenant t = Tenant.local();
    AuditTrails.update(
        "INSERT INTO tenant_retention (tenant_id, face_days, review_days, audit_days, updated_at,"
            + " updated_by) VALUES (?, 30, 90, 2555, UTC_TIMESTAMP(3), 'support')",
        t.id);
    JsonObject old = t.register(Photos.person(Photos.PERSON_A), "subject-old");
    JsonObject kept = t.register(Photos.person(Photos.PERSON_B), "subject-new");
    assertThat(t.search(Photos.otherPictureOf(Photos.PERSON_A))).isEqualTo("In Review");
    Traces traces = Traces.of(t.id, old);
    AuditTrails.update(
        "UPDATE faces SET created_at = created_at - INTERVAL 31 DAY WHERE id = ?",
        old.getString("face_id"));

    AuditTrails.runJobNow("retention");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (TestTenants.auditOfTenant(t.id, "RETENTION_PURGE").isEmpty()) {
      assertThat(Instant.now()).as("the purge").isBefore(deadline);
      AuditTrails.sleep(250);
    }

    traces.assertGone();
    Traces.of(t.id, kept).assertKept();
    assertThat(traces.searchable(t.reader, Photos.person(Photos.PERSON_A))).isFalse();
  }

  @Test
  void facesOnRekognitionLeaveTheEngineTooByDeleteAndByErasure() {
    Tenant t = Tenant.rekognition();
    Traces single = Traces.of(t.id, t.register(Photos.person(Photos.PERSON_A), "subject-1"));
    Traces first = Traces.of(t.id, t.register(Photos.person(Photos.PERSON_B), "subject-2"));
    Traces second =
        Traces.of(t.id, t.register(Photos.otherPictureOf(Photos.PERSON_B), "subject-2"));
    Traces other = Traces.of(t.id, t.register(Photos.person(Photos.PERSON_C), "subject-3"));

    assertThat(t.delete("/kyc/facematch/faces/" + single.faceId()).status()).isEqualTo(200);
    Api.Reply erased = t.delete("/kyc/facematch/sessions/subject-2");
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().getInt("faces_removed")).isEqualTo(2);

    for (Traces gone : List.of(single, first, second)) {
      gone.assertGone();
      rekognition.verify(
          1,
          postRequestedFor(urlEqualTo("/"))
              .withHeader("X-Amz-Target", equalTo("RekognitionService.DeleteFaces"))
              .withRequestBody(
                  equalToJson(
                      "{\"CollectionId\":\"facematch-"
                          + t.id
                          + "\",\"FaceIds\":[\"rk-"
                          + gone.faceId()
                          + "\"]}")));
    }
    other.assertKept();
    rekognition.verify(
        0,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("RekognitionService.DeleteFaces"))
            .withRequestBody(
                equalToJson(
                    "{\"CollectionId\":\"facematch-"
                        + t.id
                        + "\",\"FaceIds\":[\"rk-"
                        + other.faceId()
                        + "\"]}")));
  }

  private static void answer(String operation, String body) {
    rekognition.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("RekognitionService." + operation))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(body)));
  }

  /** A fresh tenant with its two tokens. */
  private record Tenant(String id, String creator, String reader) {

    static Tenant local() {
      String id = TestTenants.enabled();
      return new Tenant(
          id, TestTenants.token(id, "kyc:create").mint(), TestTenants.token(id, "kyc:read").mint());
    }

    static Tenant rekognition() {
      Tenant t = local();
      TestTenants.set(t.id, "model_version = 'rekognition'");
      return t;
    }

    JsonObject register(byte[] image, String session) {
      Api.Reply reply =
          Api.postJson(
              "/kyc/facematch/register",
              creator,
              Requests.register(image, session).build().toString());
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      return reply.json();
    }

    String search(byte[] image) {
      Api.Reply reply =
          Api.postJson("/kyc/facematch/search", reader, Requests.search(image).build().toString());
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      return reply.json().getString("status");
    }

    Api.Reply delete(String path) {
      return Api.send(Api.authorized(HttpRequest.newBuilder(Api.uri(path)).DELETE(), creator));
    }
  }
}
