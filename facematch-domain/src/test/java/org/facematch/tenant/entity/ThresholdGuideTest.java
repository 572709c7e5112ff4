package org.facematch.tenant.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.facematch.engine.entity.EngineChoice;
import org.junit.jupiter.api.Test;

class ThresholdGuideTest {

  final ThresholdGuide local = new ThresholdGuide(EngineChoice.LOCAL.id());

  @Test
  void quotesOnlyTheMeasuredOperatingPoints() {
    assertThat(local.hint(0.5)).startsWith("At 0.50 more than about 1 in 1,000");
    assertThat(local.hint(0.6)).startsWith("At 0.60 fewer than about 1 in 1,000");
    assertThat(local.hint(0.8)).contains("none of 79,690 impostor pairs");
    assertThat(new ThresholdGuide(EngineChoice.REKOGNITION.id()).hint(0.8))
        .startsWith("No calibration measured for AWS Rekognition");
  }
}
