package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

@ContainerTest
class RegistrationRulesIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void concurrentRegistrationsNeverExceedTheSessionsLimit() throws Exception {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String body =
        Requests.register(Photos.person(Photos.PERSON_C), "busy-session").build().toString();

    ExecutorService pool = Executors.newFixedThreadPool(7);
    List<CompletableFuture<Api.Reply>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 7; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> Api.postJson("/kyc/facematch/register", creator, body), pool));
      }
      List<Api.Reply> replies = calls.stream().map(CompletableFuture::join).toList();

      assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(5);
      assertThat(replies)
          .filteredOn(r -> r.status() == 400)
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.json().getString("code")).isEqualTo("MAX_FACES_EXCEEDED"));
    } finally {
      pool.shutdown();
    }
    assertThat(
            Api.get(
                    "/kyc/facematch/collections/status",
                    TestTenants.token(tenant, "kyc:read").mint())
                .json()
                .getInt("face_count"))
        .isEqualTo(5);
    assertThat(
            Api.postJson(
                    "/kyc/facematch/register",
                    creator,
                    Requests.register(Photos.person(Photos.PERSON_C), "other-session")
                        .build()
                        .toString())
                .status())
        .isEqualTo(201);
  }

  @Test
  void validatesSessionMetadataAndTheBlacklistSwitch() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    byte[] face = Photos.person(Photos.PERSON_B);

    assertProblem(
        Api.postJson(
            "/kyc/facematch/register", creator, Requests.register(face, "").build().toString()),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(face, "s1")
                .add("metadata", Json.createObjectBuilder().add("note", "x".repeat(5000)))
                .build()
                .toString()),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(face, "s1").add("metadata", "not an object").build().toString()),
        400,
        "MALFORMED_REQUEST");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(Photos.noFace(), "s1").build().toString()),
        400,
        "NO_FACE_DETECTED");

    Api.Reply registered =
        Api.postJson(
            "/kyc/facematch/register", creator, Requests.register(face, "s1").build().toString());
    String faceId = registered.json().getString("face_id");
    assertProblem(
        Api.postJson("/kyc/facematch/blacklist", creator, Requests.blacklist(faceId, " ")),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/blacklist", creator, Requests.blacklist(faceId, "x".repeat(501))),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/blacklist",
            creator,
            Requests.blacklist("00000000-0000-0000-0000-000000000000", "fraud")),
        404,
        "FACE_NOT_FOUND");

    TestTenants.set(
        tenant,
        "enable_blacklist = FALSE"); // read by the very next request: nothing caches settings
    assertProblem(
        Api.postJson("/kyc/facematch/blacklist", creator, Requests.blacklist(faceId, "fraud")),
        403,
        "FEATURE_NOT_ENABLED");
  }

  @Test
  void auditsEveryCallWithoutImagesOrTemplates() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").subject("back-office-7").mint();

    Api.Reply registered =
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(Photos.person(Photos.PERSON_A), "audited").build().toString());
    Api.Reply refused =
        Api.postJson(
            "/kyc/facematch/search",
            creator,
            Requests.search(Photos.person(Photos.PERSON_A)).build().toString());
    Api.Reply blacklisted =
        Api.postJson(
            "/kyc/facematch/blacklist",
            creator,
            Requests.blacklist(registered.json().getString("face_id"), "Known fraudster"));

    String faceId = registered.json().getString("face_id");
    assertThat(TestTenants.auditOf(registered.header("X-Request-Id").orElseThrow()))
        .containsExactly("REGISTER|OK|" + tenant + "|back-office-7|" + faceId + "|-");
    assertThat(TestTenants.auditOf(refused.header("X-Request-Id").orElseThrow()))
        .containsExactly("SEARCH|PERMISSION_DENIED|" + tenant + "|back-office-7|-|-");
    assertThat(TestTenants.auditOf(blacklisted.header("X-Request-Id").orElseThrow()))
        .containsExactly(
            "BLACKLIST|OK|" + tenant + "|back-office-7|" + faceId + "|reason: Known fraudster");
  }

  /**
   * A database that refuses the insert (a trigger stands in for the outage) after the image is
   * stored.
   */
  @Test
  void aRegistrationTheDatabaseRefusesRemovesItsImageAgain() throws Exception {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String trigger = "fail_" + tenant.replace('-', '_');
    try (var c = TestStack.get().database().connect();
        var s = c.createStatement()) {
      s.execute(
          "CREATE TRIGGER "
              + trigger
              + " BEFORE INSERT ON faces FOR EACH ROW"
              + " IF NEW.tenant_id = '"
              + tenant
              + "' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'outage'; END IF");
    }
    Api.Reply failed;
    try {
      failed =
          Api.postJson(
              "/kyc/facematch/register",
              creator,
              Requests.register(Photos.person(Photos.PERSON_B), "db-outage").build().toString());
    } finally {
      try (var c = TestStack.get().database().connect();
          var s = c.createStatement()) {
        s.execute("DROP TRIGGER " + trigger);
      }
    }

    assertProblem(failed, 503, "STORAGE_UNAVAILABLE");
    assertThat(S3.count("tenants/" + tenant + "/faces/")).isZero();
    assertThat(
            Api.postJson(
                    "/kyc/facematch/register",
                    creator,
                    Requests.register(Photos.person(Photos.PERSON_B), "db-outage")
                        .build()
                        .toString())
                .status())
        .isEqualTo(201);
    assertThat(S3.count("tenants/" + tenant + "/faces/")).isEqualTo(1);
  }

  @Test
  void aRegistrationThatCannotStoreItsImageLeavesNothingBehindAndCanBeRetried() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String body = Requests.register(Photos.person(Photos.PERSON_A), "s3-outage").build().toString();

    TestStack.get().objectStore().stop();
    Api.Reply failed;
    try {
      failed = Api.postJson("/kyc/facematch/register", creator, body);
    } finally {
      TestStack.get().objectStore().start();
    }

    assertProblem(failed, 503, "STORAGE_UNAVAILABLE");
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    assertThat(Api.get("/kyc/facematch/collections/status", reader).json().getInt("face_count"))
        .isZero();
    assertThat(Api.postJson("/kyc/facematch/register", creator, body).status()).isEqualTo(201);
    assertThat(Api.get("/kyc/facematch/collections/status", reader).json().getInt("face_count"))
        .isEqualTo(1);
  }
}
