package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Server nodes sharing the database and S3, each with its own index. Node B polls its
 * change logs only every ten minutes here, so whatever it learns within the test it learns from the
 * hints node A sends over the data grid, or from catching up when it starts: from the change log,
 * or from the database once the log no longer reaches back to its index.
 */
@ContainerTest
class TwoNodesIT {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final String SEARCH = "/kyc/facematch/search";

  static Api.Node a;
  static Api.Node b;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @BeforeAll
  static void startSecondNode() {
    a = new Api.Node(TestStack.get().payara().baseUri());
    b = new Api.Node(startB().baseUri());
  }

  private static org.facematch.stack.PayaraServer startB() {
    return TestStack.get()
        .startSecondNode(
            Path.of(System.getProperty("facematch.ear", "target/facematch.ear")),
            Map.of("FACEMATCH_INDEX_POLL_MILLIS", "600000"));
  }

  @AfterAll
  static void stopSecondNode() {
    TestStack.get().stopSecondNode();
  }

  @Test
  void everyNodeLearnsEveryChangeAndARestartedNodeCatchesUp() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();

    String faceA = register(a, creator, Photos.person(Photos.PERSON_A), "applicant-a");
    long seen = awaitReport(b, tenant, Photos.PERSON_A, r -> ids(r).contains(faceA));
    System.out.printf("A registration on node A was found on node B after %d ms%n", seen);
    String faceB = register(a, creator, Photos.person(Photos.PERSON_B), "applicant-b");
    String faceC = register(a, creator, Photos.person(Photos.PERSON_C), "applicant-c");
    seen = awaitReport(b, tenant, Photos.PERSON_C, r -> ids(r).contains(faceC));
    System.out.printf("Another one was found on node B after %d ms%n", seen);

    assertThat(b.delete("/kyc/facematch/faces/" + faceB, creator).status()).isEqualTo(200);
    assertThat(
            b.postJson(
                    "/kyc/facematch/blacklist", creator, Requests.blacklist(faceC, "Known fraud"))
                .status())
        .isEqualTo(200);
    awaitReport(a, tenant, Photos.PERSON_B, r -> r.getInt("total_matches") == 0);
    awaitReport(a, tenant, Photos.PERSON_C, r -> r.getString("status").equals("Declined"));

    TestStack.get().stopSecondNode();
    String faceA2 = register(a, creator, Photos.otherPictureOf(Photos.PERSON_A), "applicant-a2");
    assertThat(a.delete("/kyc/facematch/faces/" + faceC, creator).status()).isEqualTo(200);
    startB();

    // no waiting now: a node is ready only once it has caught up
    assertNodesAgree(tenant);
    assertThat(ids(everything(b, tenant, Photos.PERSON_A)))
        .containsExactlyInAnyOrder(faceA, faceA2);

    // B down for longer than the log is kept: the log no longer reaches back to B's index
    TestStack.get().stopSecondNode();
    String faceB2 = register(a, creator, Photos.otherPictureOf(Photos.PERSON_B), "applicant-b2");
    assertThat(a.delete("/kyc/facematch/faces/" + faceA2, creator).status()).isEqualTo(200);
    long pruned = ageAndAwaitPruning(tenant);
    System.out.printf("Node A pruned the aged change log after %d ms%n", pruned);
    startB();

    assertNodesAgree(tenant);
    assertThat(ids(everything(b, tenant, Photos.PERSON_A)))
        .containsExactlyInAnyOrder(faceA, faceB2);
  }

  /**
   * Dates every change of the tenant back past the default retention of a week, and waits until
   * node A's retention has deleted them; answers the milliseconds it took.
   */
  private static long ageAndAwaitPruning(String tenant) {
    long begin = System.nanoTime();
    try (Connection c = TestStack.get().database().connect()) {
      try (PreparedStatement age =
          c.prepareStatement(
              "UPDATE face_changes SET changed_at = changed_at - INTERVAL 8 DAY"
                  + " WHERE tenant_id = ?")) {
        age.setString(1, tenant);
        assertThat(age.executeUpdate()).isGreaterThanOrEqualTo(2);
      }
      try (PreparedStatement left =
          c.prepareStatement("SELECT COUNT(*) FROM face_changes WHERE tenant_id = ?")) {
        left.setString(1, tenant);
        while (true) {
          try (ResultSet rs = left.executeQuery()) {
            rs.next();
            if (rs.getLong(1) == 0) {
              return (System.nanoTime() - begin) / 1_000_000;
            }
          }
          assertThat(Duration.ofNanos(System.nanoTime() - begin))
              .as("aged change log entries still there")
              .isLessThan(Duration.ofSeconds(90));
          sleep(200);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String register(Api.Node node, String creator, byte[] image, String session) {
    Api.Reply reply =
        node.postJson(
            "/kyc/facematch/register",
            creator,
            Requests.register(image, session).build().toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getString("face_id");
  }

  /** The report for a search of the person on the node at the tenant's thresholds. */
  private static JsonObject report(Api.Node node, String tenant, Photos.Box person) {
    Api.Reply reply =
        node.postJson(
            SEARCH,
            TestTenants.token(tenant, "kyc:read").mint(),
            Requests.search(Photos.person(person)).build().toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** Every face of the tenant, ranked by similarity to the person. */
  private static JsonObject everything(Api.Node node, String tenant, Photos.Box person) {
    Api.Reply reply =
        node.postJson(
            SEARCH,
            TestTenants.token(tenant, "kyc:read").mint(),
            Requests.search(Photos.person(person))
                .add("threshold", 0.0)
                .add("max_results", 100)
                .build()
                .toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /**
   * Milliseconds until the node's report satisfies the condition; fails after {@link #PATIENCE}.
   */
  private static long awaitReport(
      Api.Node node, String tenant, Photos.Box person, Predicate<JsonObject> condition) {
    long begin = System.nanoTime();
    JsonObject last = report(node, tenant, person);
    while (!condition.test(last)) {
      assertThat(Duration.ofNanos(System.nanoTime() - begin))
          .as("node %s still answers %s", node.base(), last)
          .isLessThan(PATIENCE);
      sleep(50);
      last = report(node, tenant, person);
    }
    return (System.nanoTime() - begin) / 1_000_000;
  }

  /** Both nodes rank every face of the tenant alike for each of the three people. */
  private static void assertNodesAgree(String tenant) {
    for (Photos.Box person : List.of(Photos.PERSON_A, Photos.PERSON_B, Photos.PERSON_C)) {
      assertThat(facts(everything(b, tenant, person)))
          .isEqualTo(facts(everything(a, tenant, person)));
    }
  }

  /** The matches without their image links, which are signed anew for every search. */
  private static List<JsonObject> facts(JsonObject report) {
    return report.getJsonArray("matches").stream()
        .map(
            m ->
                Json.createObjectBuilder(m.asJsonObject())
                    .remove("match_image_url")
                    .remove("match_image_expires_at")
                    .build())
        .toList();
  }

  private static List<String> ids(JsonObject report) {
    return report.getJsonArray("matches").stream()
        .map(m -> m.asJsonObject().getString("face_id"))
        .toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
