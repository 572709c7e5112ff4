package org.facematch.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.facematch.engine.control.onnx.LocalFaceEngine;
import org.facematch.engine.entity.EngineChoice;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every engine the console offers is one the API serves, and nothing else is. */
class FaceEnginesTest {

  final FaceEngines engines = new FaceEngines();

  FaceEnginesTest() {
    engines.local = new LocalFaceEngine();
    engines.defaultModel = Optional.empty();
    engines.region = "eu-west-1";
    engines.endpoint = Optional.empty();
    engines.maxAttempts = 1;
    engines.timeoutMillis = 1000;
  }

  @AfterEach
  void close() {
    engines.close();
  }

  @Test
  void servesExactlyTheOfferedModelVersions() {
    for (String offered : EngineChoice.offered()) {
      assertThat(engines.find(offered))
          .as(offered)
          .hasValueSatisfying(e -> assertThat(e.choice().id()).isEqualTo(offered));
    }
    assertThat(engines.find("test")).isEmpty();
    assertThatThrownBy(() -> engines.of("faceplugin-9"))
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.ENGINE_UNAVAILABLE));
  }

  @Test
  void refusesADefaultEngineItDoesNotServe() {
    assertThat(engines.defaultModel()).isEqualTo("faceplugin-0.0.1");
    engines.defaultModel = Optional.of("rekognition");
    assertThat(engines.defaultModel()).isEqualTo("rekognition");
    engines.defaultModel = Optional.of("rekognitoin");
    assertThatThrownBy(engines::defaultModel).isInstanceOf(FaceMatchException.class);
  }
}
