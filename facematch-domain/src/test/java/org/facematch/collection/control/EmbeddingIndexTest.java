package org.facematch.collection.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.facematch.collection.entity.FaceHit;
import org.facematch.collection.entity.IndexedFace;
import org.junit.jupiter.api.Test;

class EmbeddingIndexTest {

  final EmbeddingIndex index = new EmbeddingIndex();
  final Random random = new Random(1);

  @Test
  void findsTheClosestFacesOfTheTenantAndModelOnly() {
    float[] probe = unit(512);
    index.put("a", new IndexedFace("near", "s1", "m", false, probe.clone()));
    index.put("a", new IndexedFace("far", "s2", "m", false, unit(512)));
    index.put("a", new IndexedFace("other-model", "s3", "x", false, probe.clone()));
    index.put("b", new IndexedFace("other-tenant", "s4", "m", false, probe.clone()));

    assertThat(index.search("a", "m", probe, 0.5)).extracting(FaceHit::faceId).containsExactly("near");
    assertThat(index.search("a", "m", probe, -1)).extracting(FaceHit::faceId).containsExactly("near", "far");
    assertThat(index.search("c", "m", probe, -1)).isEmpty();
  }

  @Test
  void removalsBlacklistingAndReplacementsShowImmediately() {
    float[] probe = unit(8);
    for (int i = 0; i < 100; i++) {
      index.put("t", new IndexedFace("f" + i, "s", "m", false, i == 42 ? probe.clone() : unit(8)));
    }
    index.remove("t", "f0");
    index.remove("t", "f0");
    index.blacklist("t", "f42");

    assertThat(index.size("t")).isEqualTo(99);
    FaceHit best = index.search("t", "m", probe, -1).get(0);
    assertThat(best.faceId()).isEqualTo("f42");
    assertThat(best.blacklisted()).isTrue();
    assertThat(index.search("t", "m", probe, -1)).extracting(FaceHit::faceId).doesNotContain("f0").hasSize(99);

    index.put("t", new IndexedFace("f42", "s", "m", false, unit(8)));
    assertThat(index.size("t")).isEqualTo(99);
  }

  float[] unit(int n) {
    float[] v = new float[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
      sum += v[i] * v[i];
    }
    for (int i = 0; i < n; i++) {
      v[i] /= (float) Math.sqrt(sum);
    }
    return v;
  }
}
