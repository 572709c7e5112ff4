package org.facematch.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import jakarta.json.JsonObject;
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

  static RekognitionStandIn rekognition;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @BeforeAll
  static void startRekognitionStandIn() {
    rekognition = RekognitionStandIn.start();
    rekognition.actAsACollection();
  }

  @AfterAll
  static void stopRekognitionStandIn() {
    rekognition.close();
  }

  @Test
  void aDeletedFaceLeavesNothingAndTheOthersStay() {
    TenantClient t = TenantClient.local();
    JsonObject gone = t.register(Photos.person(Photos.PERSON_A), "subject-a");
    JsonObject other = t.register(Photos.person(Photos.PERSON_B), "subject-b");
    assertThat(t.search(Photos.otherPictureOf(Photos.PERSON_A)).getString("status"))
        .isEqualTo("In Review");
    Traces traces = Traces.of(t.id(), gone);
    assertThat(traces.probeKeys()).as("a review case with its search image").hasSize(1);

    assertThat(t.delete("/kyc/facematch/faces/" + gone.getString("face_id")).status())
        .isEqualTo(200);

    traces.assertGone();
    Traces.of(t.id(), other).assertKept();
    assertThat(traces.searchable(t.reader(), Photos.person(Photos.PERSON_A))).isFalse();
    assertThat(Traces.of(t.id(), other).searchable(t.reader(), Photos.person(Photos.PERSON_B)))
        .isTrue();
  }

  @Test
  void anErasureTheObjectStoreDropsInTheMiddleIsResumedUntilNothingIsLeft() {
    TenantClient t = TenantClient.local();
    List<Traces> subject =
        List.of(
            Traces.of(t.id(), t.register(Photos.person(Photos.PERSON_A), "subject-s")),
            Traces.of(t.id(), t.register(Photos.otherPictureOf(Photos.PERSON_A), "subject-s")),
            Traces.of(t.id(), t.register(Photos.person(Photos.PERSON_C), "subject-s")));
    Traces other = Traces.of(t.id(), t.register(Photos.person(Photos.PERSON_B), "subject-o"));

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
            Api.get("/kyc/facematch/sessions/subject-s/faces", t.reader())
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
    assertThat(subject.get(2).searchable(t.reader(), Photos.person(Photos.PERSON_C))).isFalse();
    assertThat(other.searchable(t.reader(), Photos.person(Photos.PERSON_B))).isTrue();
  }

  @Test
  void aFaceTheRetentionPurgeRemovesLeavesNothing() {
    TenantClient t = TenantClient.local();
    t.keeping(30, 90, 2555);
    JsonObject old = t.register(Photos.person(Photos.PERSON_A), "subject-old");
    JsonObject kept = t.register(Photos.person(Photos.PERSON_B), "subject-new");
    assertThat(t.search(Photos.otherPictureOf(Photos.PERSON_A)).getString("status"))
        .isEqualTo("In Review");
    Traces traces = Traces.of(t.id(), old);
    AuditTrails.update(
        "UPDATE faces SET created_at = created_at - INTERVAL 31 DAY WHERE id = ?",
        old.getString("face_id"));

    AuditTrails.runJobNow("retention");
    AuditTrails.awaitEvent(t.id(), "RETENTION_PURGE");

    traces.assertGone();
    Traces.of(t.id(), kept).assertKept();
    assertThat(traces.searchable(t.reader(), Photos.person(Photos.PERSON_A))).isFalse();
  }

  @Test
  void facesOnRekognitionLeaveTheEngineTooByDeleteAndByErasure() {
    TenantClient t = TenantClient.onRekognition();
    Traces single = Traces.of(t.id(), t.register(Photos.person(Photos.PERSON_A), "subject-1"));
    Traces first = Traces.of(t.id(), t.register(Photos.person(Photos.PERSON_B), "subject-2"));
    Traces second =
        Traces.of(t.id(), t.register(Photos.otherPictureOf(Photos.PERSON_B), "subject-2"));
    Traces other = Traces.of(t.id(), t.register(Photos.person(Photos.PERSON_C), "subject-3"));

    assertThat(t.delete("/kyc/facematch/faces/" + single.faceId()).status()).isEqualTo(200);
    Api.Reply erased = t.delete("/kyc/facematch/sessions/subject-2");
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().getInt("faces_removed")).isEqualTo(2);

    for (Traces gone : List.of(single, first, second)) {
      gone.assertGone();
      assertThat(deleteFacesSent(t, gone)).as("DeleteFaces of " + gone.faceId()).isEqualTo(1);
    }
    other.assertKept();
    assertThat(deleteFacesSent(t, other)).isZero();
  }

  /** How often the stand-in was asked to delete the face from the tenant's collection. */
  private static int deleteFacesSent(TenantClient t, Traces face) {
    return rekognition
        .server
        .findAll(
            postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("RekognitionService.DeleteFaces"))
                .withRequestBody(
                    equalToJson(
                        "{\"CollectionId\":\"facematch-"
                            + t.id()
                            + "\",\"FaceIds\":[\"rk-"
                            + face.faceId()
                            + "\"]}")))
        .size();
  }
}
