package org.facematch.engine.control.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class DenormalWeightsTest {

  @Test
  void thePackagedModelsLoseTheirDenormalWeightsAndNothingElse() throws IOException {
    for (String name : new String[] {Models.LANDMARKS, Models.EMBEDDER}) {
      byte[] original = packaged(name);
      byte[] model = original.clone();

      assertThat(DenormalWeights.flush(model)).as(name).isGreaterThan(1000);
      assertThat(DenormalWeights.flush(model)).as(name + ", flushed again").isZero();

      int changed = 0;
      for (int i = 0; i < model.length; i++) {
        if (model[i] != original[i]) {
          changed++;
          assertThat(model[i]).isZero();
        }
      }
      assertThat(changed).isPositive();
    }
    assertThat(DenormalWeights.flush(packaged(Models.DETECTOR))).isZero();
  }

  @Test
  void bytesThatAreNoModelAreRefused() {
    assertThatThrownBy(() -> DenormalWeights.flush(new byte[] {0x3a, 0x7f, 0x01}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] packaged(String name) throws IOException {
    try (InputStream in = Models.class.getResourceAsStream(Models.CLASSPATH_DIR + name)) {
      return in.readAllBytes();
    }
  }
}
