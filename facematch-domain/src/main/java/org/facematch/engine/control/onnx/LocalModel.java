package org.facematch.engine.control.onnx;

import java.util.Arrays;
import java.util.Optional;

/**
 * The templates the local engine can make, each with its own calibration from raw cosine to the
 * API's 0-1 similarity. A template of one never meets a template of another.
 */
public enum LocalModel {
  /** {@code fr_feature}: 512 floats. */
  FACEPLUGIN("faceplugin-0.0.1", new SimilarityCalibration(0.40, 0.50)),
  /**
   * {@code fr_feature} and MobileFaceNet, each L2-normalised, side by side and scaled by 1/sqrt(2):
   * 704 floats whose cosine is the mean of the two models' cosines.
   */
  FUSED("faceplugin+mobilefacenet-1", new SimilarityCalibration(0.42, 0.57));

  private final String id;
  private final SimilarityCalibration calibration;

  LocalModel(String id, SimilarityCalibration calibration) {
    this.id = id;
    this.calibration = calibration;
  }

  public String id() {
    return id;
  }

  SimilarityCalibration calibration() {
    return calibration;
  }

  public static Optional<LocalModel> byId(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }
}
