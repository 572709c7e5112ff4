package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The search index survives a restart on the node's disk and is not rebuilt from the database,
 * unless it is missing or damaged: then it is rebuilt and finds the same faces.
 */
@ContainerTest
class IndexPersistenceIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void theIndexOpensFromDiskAfterARestartAndIsRebuiltWhenMissingOrDamaged() throws IOException {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    for (Photos.Box person : List.of(Photos.PERSON_A, Photos.PERSON_B, Photos.PERSON_C)) {
      Api.Reply registered =
          Api.postJson(
              "/kyc/facematch/register",
              creator,
              Requests.register(Photos.person(person), "s-" + person.x()).build().toString());
      assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }
    String personA = searchA(tenant);
    Path tenantIndex = TestStack.get().indexDir().resolve(tenant);

    long logAt = logSize();
    TestStack.get().restartServer(() -> {});
    assertThat(searchA(tenant)).isEqualTo(personA);
    assertThat(logSince(logAt)).doesNotContain("Index of tenant " + tenant + " rebuilt");

    logAt = logSize();
    TestStack.get().restartServer(() -> erase(tenantIndex));
    assertThat(searchA(tenant)).isEqualTo(personA);
    assertThat(logSince(logAt))
        .contains("Index of tenant " + tenant + " rebuilt from the database: 3 faces");

    logAt = logSize();
    TestStack.get().restartServer(() -> damage(tenantIndex));
    assertThat(searchA(tenant)).isEqualTo(personA);
    assertThat(logSince(logAt))
        .contains("The index in " + tenantIndex + " cannot be opened")
        .contains("Index of tenant " + tenant + " rebuilt from the database: 3 faces");
  }

  /** The face id of the one match for another picture of person A. */
  private static String searchA(String tenant) {
    Api.Reply reply =
        Api.postJson(
            "/kyc/facematch/search",
            TestTenants.token(tenant, "kyc:read").mint(),
            Requests.search(Photos.otherPictureOf(Photos.PERSON_A)).build().toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonObject report = reply.json();
    assertThat(report.getInt("total_matches")).as(reply.body()).isEqualTo(1);
    return report.getJsonArray("matches").getJsonObject(0).getString("face_id");
  }

  private static long logSize() throws IOException {
    return Files.size(TestStack.get().payara().serverLog());
  }

  private static String logSince(long offset) throws IOException {
    byte[] all = Files.readAllBytes(TestStack.get().payara().serverLog());
    // a rotated log starts again from zero
    int from = offset <= all.length ? (int) offset : 0;
    return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void erase(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(dir).doesNotExist();
  }

  /** Overwrites bytes in the middle of the index's largest file. */
  private static void damage(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      Path biggest =
          files
              .filter(p -> !p.getFileName().toString().equals("write.lock"))
              .max(Comparator.comparingLong(IndexPersistenceIT::size))
              .orElseThrow();
      try (FileChannel file = FileChannel.open(biggest, StandardOpenOption.WRITE)) {
        file.write(ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9, 9, 9, 9}), size(biggest) / 2);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
