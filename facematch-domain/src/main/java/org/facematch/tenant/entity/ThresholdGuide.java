package org.facematch.tenant.entity;

import org.facematch.engine.entity.EngineChoice;
import org.facematch.kernel.entity.TenantSettings;

/**
 * What a similarity threshold means in false matches for one engine, from its calibration measured
 * on the shared labelled sets (README, "Similarity calibration"): ORL with 78,000 and deepface with
 * 1,690 impostor pairs. Only the measured operating points are quoted; between them the rate is
 * bounded by its neighbours, never interpolated.
 */
public record ThresholdGuide(String modelVersion) {

  /**
   * Similarity at which about 1 in 1,000 impostor pairs still matched (FMR 1.06e-3 / 5.9e-4): the
   * default verification threshold, which the local engine's calibration places there.
   */
  public static final double ONE_IN_A_THOUSAND = TenantSettings.DEFAULT_VERIFICATION_THRESHOLD;

  /** Similarity no impostor pair of the shared sets reached: the default search threshold. */
  public static final double NONE_OBSERVED = TenantSettings.DEFAULT_SEARCH_THRESHOLD;

  static final int IMPOSTOR_PAIRS = 78_000 + 1_690;

  public String hint(double threshold) {
    if (!EngineChoice.LOCAL.id().equals(modelVersion)) {
      return "No calibration measured for "
          + EngineChoice.label(modelVersion)
          + " yet: its similarity scale is its own, so test thresholds on your own data.";
    }
    if (threshold >= NONE_OBSERVED) {
      return String.format(
          "At %.2f none of %,d impostor pairs on the test sets matched (false-match rate below 1 in 80,000);"
              + " about 1%%-3%% of genuine pairs are missed.",
          threshold, IMPOSTOR_PAIRS);
    }
    if (threshold >= ONE_IN_A_THOUSAND) {
      return String.format(
          "At %.2f fewer than about 1 in 1,000 impostor pairs match (1 in 1,000 at 0.60; none at 0.80).",
          threshold);
    }
    return String.format(
        "At %.2f more than about 1 in 1,000 impostor pairs match (1 in 1,000 at 0.60):"
            + " lower thresholds let more different people through.",
        threshold);
  }
}
