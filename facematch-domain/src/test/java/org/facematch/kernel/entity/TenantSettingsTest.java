package org.facematch.kernel.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSettingsTest {

  @Test
  void defaultsAreTheSeeds() {
    TenantSettings defaults = TenantSettings.defaults("faceplugin-0.0.1");

    assertThat(defaults.enabled()).isFalse();
    assertThat(defaults.verificationThreshold()).isEqualTo(0.6);
    assertThat(defaults.searchThreshold()).isEqualTo(0.8);
    assertThat(defaults.maxFacesPerUser()).isEqualTo(5);
    assertThat(defaults.enableBlacklist()).isTrue();
    assertThat(defaults.modelVersion()).isEqualTo("faceplugin-0.0.1");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.0001, Double.NaN, Double.POSITIVE_INFINITY})
  void thresholdsOutsideTheUnitIntervalAreRejected(double threshold) {
    assertInvalid(
        () -> new TenantSettings(true, threshold, 0.8, 5, true, "m"), "verification_threshold");
    assertInvalid(() -> new TenantSettings(true, 0.6, threshold, 5, true, "m"), "search_threshold");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
  void maxFacesOutsideOneToHundredAreRejected(int maxFaces) {
    assertInvalid(
        () -> new TenantSettings(true, 0.6, 0.8, maxFaces, true, "m"), "max_faces_per_user");
  }

  @Test
  void boundariesAreAccepted() {
    assertThat(new TenantSettings(true, 0.0, 1.0, 1, false, "m").maxFacesPerUser()).isEqualTo(1);
    assertThat(new TenantSettings(true, 1.0, 0.0, 100, false, "m").maxFacesPerUser())
        .isEqualTo(100);
  }

  @Test
  void modelVersionIsRequired() {
    assertInvalid(() -> new TenantSettings(true, 0.6, 0.8, 5, true, " "), "model_version");
    assertInvalid(() -> new TenantSettings(true, 0.6, 0.8, 5, true, null), "model_version");
  }

  private static void assertInvalid(Runnable construction, String field) {
    assertThatThrownBy(construction::run)
        .isInstanceOfSatisfying(
            FaceMatchException.class,
            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_PARAMETER))
        .hasMessageContaining(field);
  }

  @Test
  void describesChangesAsOldToNew() {
    TenantSettings before = TenantSettings.defaults("faceplugin-0.0.1");
    TenantSettings after = new TenantSettings(false, 0.75, 0.8, 7, true, "faceplugin-0.0.1");
    org.assertj.core.api.Assertions.assertThat(after.changesFrom(before))
        .isEqualTo("verification_threshold: 0.6 -> 0.75; max_faces_per_user: 5 -> 7");
    org.assertj.core.api.Assertions.assertThat(before.changesFrom(before)).isEmpty();
  }
}
