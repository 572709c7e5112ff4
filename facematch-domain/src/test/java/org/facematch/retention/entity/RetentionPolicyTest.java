package org.facematch.retention.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  @Test
  void theDefaultsAreBipasOuterBoundNinetyDaysAndSevenYears() {
    assertThat(RetentionPolicy.DEFAULTS).isEqualTo(new RetentionPolicy(1095, 90, 2555));
    Instant now = Instant.parse("2026-12-07T00:00:00Z");
    assertThat(RetentionPolicy.DEFAULTS.facesRegisteredBefore(now))
        .isEqualTo(Instant.parse("2023-12-08T00:00:00Z"));
    assertThat(RetentionPolicy.DEFAULTS.reviewsDecidedBefore(now))
        .isEqualTo(Instant.parse("2026-09-08T00:00:00Z"));
  }

  @Test
  void refusesPeriodsOutsideOneDayToTenYears() {
    for (int[] days : new int[][] {{0, 90, 2555}, {1095, 3651, 2555}, {1095, 90, -1}}) {
      assertThatThrownBy(() -> new RetentionPolicy(days[0], days[1], days[2]))
          .isInstanceOfSatisfying(
              FaceMatchException.class,
              e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_PARAMETER));
    }
    assertThat(new RetentionPolicy(1, 3650, 1).faceDays()).isEqualTo(1);
  }

  @Test
  void namesWhatChanged() {
    assertThat(new RetentionPolicy(30, 90, 2555).changesFrom(RetentionPolicy.DEFAULTS))
        .isEqualTo("face_retention_days: 1095 -> 30");
    assertThat(RetentionPolicy.DEFAULTS.changesFrom(RetentionPolicy.DEFAULTS)).isEmpty();
  }
}
