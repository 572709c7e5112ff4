package org.facematch.engine.control.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantIndexTest {

  static final TenantIndex.Tuning EXACT = new TenantIndex.Tuning(Integer.MAX_VALUE, 100, 50);
  static final TenantIndex.Tuning GRAPH = new TenantIndex.Tuning(0, 100, 50);

  @TempDir Path dir;
  final Random random = new Random(1);

  @Test
  void segmentsBelowTheFloorAreMergedTogether() {
    int lowFloor = segmentsAfterThirtyCommits(0.001);
    int highFloor = segmentsAfterThirtyCommits(64);

    assertThat(highFloor).isLessThanOrEqualTo(3);
    assertThat(lowFloor).as("segments with a floor of 1 kB").isGreaterThan(highFloor + 3);
  }

  private int segmentsAfterThirtyCommits(double floorMB) {
    var tuning = new TenantIndex.Tuning(0, 16, 50, 10, floorMB, 1, 1);
    try (TenantIndex index = TenantIndex.open(dir.resolve("floor-" + floorMB), tuning)) {
      for (int commit = 0; commit < 30; commit++) {
        for (int i = 0; i < 100; i++) {
          index.put(commit + "-" + i, unit(64));
        }
        index.appliedUpTo(commit + 1);
        index.commit();
      }
      index.awaitMerges();
      index.commit();
      assertThat(index.size()).isEqualTo(3000);
      return index.segments();
    }
  }

  @Test
  void findsTheClosestFacesAboveTheFloorExactlyAndThroughTheGraph() {
    float[] probe = unit(512);
    for (TenantIndex.Tuning tuning : List.of(EXACT, GRAPH)) {
      try (TenantIndex index = TenantIndex.open(dir.resolve(tuning.toString()), tuning)) {
        index.put("near", near(probe, 0.1f));
        index.put("same", probe.clone());
        for (int i = 0; i < 200; i++) {
          index.put("far" + i, unit(512));
        }

        List<TenantIndex.Hit> hits = index.search(probe, 0.5, 10);

        assertThat(hits).extracting(TenantIndex.Hit::faceId).containsExactly("same", "near");
        assertThat(hits.get(0).cosine()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(index.search(probe, -1, 1000)).hasSize(202);
        assertThat(index.search(probe, -1, 7)).hasSize(7);
      }
    }
  }

  @Test
  void removalsAndReplacementsShowAtTheNextSearch() {
    float[] probe = unit(64);
    try (TenantIndex index = TenantIndex.open(dir, EXACT)) {
      for (int i = 0; i < 100; i++) {
        index.put("f" + i, i == 42 ? probe.clone() : unit(64));
      }
      index.remove("f0");
      index.remove("f0");
      assertThat(index.size()).isEqualTo(99);
      assertThat(index.search(probe, -1, 1000))
          .extracting(TenantIndex.Hit::faceId)
          .startsWith("f42")
          .doesNotContain("f0")
          .hasSize(99);

      index.put("f42", unit(64));
      assertThat(index.size()).isEqualTo(99);
      assertThat(index.search(probe, 0.9, 10)).isEmpty();
    }
  }

  /** More faces above the floor than the graph is first asked for: it asks again for more. */
  @Test
  void theGraphIsAskedAgainWhileEveryCandidateIsAboveTheFloor() {
    float[] probe = unit(128);
    try (TenantIndex index = TenantIndex.open(dir, GRAPH)) {
      for (int i = 0; i < 300; i++) {
        index.put("twin" + i, near(probe, 0.05f));
      }
      for (int i = 0; i < 300; i++) {
        index.put("other" + i, unit(128));
      }

      assertThat(index.search(probe, 0.8, 1000)).hasSize(300);
      assertThat(index.search(probe, 0.8, 120)).hasSize(120);
    }
  }

  /**
   * Each segment is asked for its share of the candidates: a small segment that holds every face
   * above the floor is asked again until it has given them all, as are segments that share them.
   */
  @Test
  void everySegmentIsAskedAgainWhileItsCandidatesAreAboveTheFloor() {
    float[] probe = unit(128);
    try (TenantIndex index = TenantIndex.open(dir, GRAPH)) {
      for (int segment = 0; segment < 3; segment++) {
        for (int i = 0; i < 2000; i++) {
          index.put("other" + segment + "-" + i, unit(128));
        }
        index.commit();
      }
      for (int i = 0; i < 120; i++) {
        index.put("twin" + i, near(probe, 0.05f));
      }
      index.commit();
      for (int segment = 0; segment < 2; segment++) {
        for (int i = 0; i < 40; i++) {
          index.put("spread" + segment + "-" + i, near(probe, 0.05f));
        }
        for (int i = 0; i < 1000; i++) {
          index.put("filler" + segment + "-" + i, unit(128));
        }
        index.commit();
      }
      assertThat(index.segments()).isGreaterThan(3);

      assertThat(index.search(probe, 0.8, 1000)).hasSize(200);
    }
  }

  /** Clustered templates, like faces of the same people: the graph finds what the scan finds. */
  @Test
  void theGraphFindsTheSameIdentitiesAsTheExactScan() {
    List<float[]> people = new java.util.ArrayList<>();
    for (int p = 0; p < 500; p++) {
      people.add(unit(512));
    }
    try (TenantIndex exact = TenantIndex.open(dir.resolve("exact"), EXACT);
        TenantIndex graph = TenantIndex.open(dir.resolve("graph"), GRAPH)) {
      for (int p = 0; p < people.size(); p++) {
        for (int photo = 0; photo < 8; photo++) {
          float[] v = near(people.get(p), 0.6f);
          exact.put(p + "-" + photo, v);
          graph.put(p + "-" + photo, v);
        }
      }
      int found = 0;
      int expected = 0;
      for (int p = 0; p < 100; p++) {
        float[] probe = near(people.get(p), 0.6f);
        Set<String> truth = ids(exact.search(probe, 0.3, 1000));
        Set<String> approximate = ids(graph.search(probe, 0.3, 1000));
        expected += truth.size();
        truth.retainAll(approximate);
        found += truth.size();
      }
      assertThat(expected).isGreaterThan(700);
      assertThat((double) found / expected).isGreaterThanOrEqualTo(0.99);
    }
  }

  @Test
  void aCommittedIndexOpensWithTheChangesItHolds() {
    float[] probe = unit(704); // no dimension is assumed: a larger model's templates fit too
    try (TenantIndex index = TenantIndex.open(dir, EXACT)) {
      assertThat(index.created()).isTrue();
      index.put("a", probe.clone());
      index.put("b", unit(704));
      index.appliedUpTo(2);
      index.commit();
      index.put("c", unit(704)); // applied but never committed: replayed from the log after a crash
      index.appliedUpTo(3);
    }

    try (TenantIndex reopened = TenantIndex.open(dir, EXACT)) {
      assertThat(reopened.created()).isFalse();
      assertThat(reopened.applied()).isEqualTo(3);
      assertThat(reopened.size()).isEqualTo(3);
      assertThat(reopened.search(probe, 0.99, 10))
          .extracting(TenantIndex.Hit::faceId)
          .containsExactly("a");
    }
  }

  /** Erasure: the raw bytes of a removed face's template leave the index's files. */
  @Test
  void aRemovedFaceLeavesNoVectorInTheFiles() throws Exception {
    float[] gone = unit(512);
    try (TenantIndex index = TenantIndex.open(dir, EXACT)) {
      index.put("gone", gone);
      for (int i = 0; i < 20; i++) {
        index.put("f" + i, unit(512));
      }
      index.commit();
      byte[] bytes = littleEndian(gone);
      assertThat(filesContain(bytes)).as("stored before removal").isTrue();

      index.remove("gone");
      long deadline = System.nanoTime() + 30_000_000_000L;
      do {
        index.commit();
        Thread.sleep(50);
      } while (filesContain(bytes) && System.nanoTime() < deadline);

      assertThat(filesContain(bytes)).as("still on disk after removal").isFalse();
      assertThat(index.size()).isEqualTo(20);
    }
  }

  private static byte[] littleEndian(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  private boolean filesContain(byte[] needle) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        byte[] hay = Files.readAllBytes(file);
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
          for (int j = 0; j < needle.length; j++) {
            if (hay[i + j] != needle[j]) {
              continue outer;
            }
          }
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void aDamagedIndexIsRefusedAndCanBeErased() throws IOException {
    try (TenantIndex index = TenantIndex.open(dir, EXACT)) {
      for (int i = 0; i < 500; i++) {
        index.put("f" + i, unit(512));
      }
      index.appliedUpTo(500);
      index.commit();
    }
    Path biggest;
    try (var files = Files.list(dir)) {
      biggest = files.max(Comparator.comparingLong(TenantIndexTest::size)).orElseThrow();
    }
    try (FileChannel file = FileChannel.open(biggest, StandardOpenOption.WRITE)) {
      file.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), size(biggest) / 2);
    }

    assertThatThrownBy(() -> TenantIndex.open(dir, EXACT))
        .isInstanceOf(TenantIndex.CorruptIndex.class);

    TenantIndex.erase(dir);
    try (TenantIndex fresh = TenantIndex.open(dir, EXACT)) {
      assertThat(fresh.created()).isTrue();
      assertThat(fresh.applied()).isZero();
      assertThat(fresh.size()).isZero();
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> ids(List<TenantIndex.Hit> hits) {
    Set<String> ids = new HashSet<>();
    hits.forEach(h -> ids.add(h.faceId()));
    return ids;
  }

  float[] near(float[] center, float noise) {
    float[] v = new float[center.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = center[i] + noise * (float) random.nextGaussian() / (float) Math.sqrt(v.length);
    }
    return normalise(v);
  }

  float[] unit(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return normalise(v);
  }

  static float[] normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }
}
