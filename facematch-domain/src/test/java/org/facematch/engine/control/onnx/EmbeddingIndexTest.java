package org.facematch.engine.control.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingIndexTest {

  final EmbeddingIndex index = new EmbeddingIndex();
  final Random random = new Random(1);

  @Test
  void findsTheClosestFacesOfTheTenantAndModelOnly() {
    float[] probe = unit(512);
    index.put("a", new EmbeddingIndex.Entry("near", "m", probe.clone()));
    index.put("a", new EmbeddingIndex.Entry("far", "m", unit(512)));
    index.put("a", new EmbeddingIndex.Entry("other-model", "x", probe.clone()));
    index.put("b", new EmbeddingIndex.Entry("other-tenant", "m", probe.clone()));

    assertThat(index.search("a", "m", probe, 0.5))
        .extracting(EmbeddingIndex.Hit::faceId)
        .containsExactly("near");
    assertThat(index.search("a", "m", probe, -1))
        .extracting(EmbeddingIndex.Hit::faceId)
        .containsExactly("near", "far");
    assertThat(index.search("c", "m", probe, -1)).isEmpty();
  }

  @Test
  void removalsAndReplacementsShowImmediately() {
    float[] probe = unit(8);
    for (int i = 0; i < 100; i++) {
      index.put("t", new EmbeddingIndex.Entry("f" + i, "m", i == 42 ? probe.clone() : unit(8)));
    }
    index.remove("t", "f0");
    index.remove("t", "f0");

    assertThat(index.size("t")).isEqualTo(99);
    assertThat(index.search("t", "m", probe, -1).get(0).faceId()).isEqualTo("f42");
    assertThat(index.search("t", "m", probe, -1))
        .extracting(EmbeddingIndex.Hit::faceId)
        .doesNotContain("f0")
        .hasSize(99);

    index.put("t", new EmbeddingIndex.Entry("f42", "m", unit(8)));
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
