package org.facematch.engine.control.onnx;

/**
 * Maps this model's raw cosine onto the API's 0-1 similarity with a logistic curve through two
 * measured operating points, so that tenants' defaults mean something: 0.6 (verification) sits at
 * the cosine where about 1 in 1,000 impostor pairs of the shared sets still match, 0.8 (search)
 * where none of them does. The curve is monotone, so thresholds can be compared either way.
 */
final class SimilarityCalibration {

  private final double slope;
  private final double midpoint;

  /**
   * @param cosineAt06 raw cosine that should read 0.6
   * @param cosineAt08 raw cosine that should read 0.8 (must be larger)
   */
  SimilarityCalibration(double cosineAt06, double cosineAt08) {
    double logit06 = Math.log(0.6 / 0.4);
    double logit08 = Math.log(0.8 / 0.2);
    slope = (logit08 - logit06) / (cosineAt08 - cosineAt06);
    midpoint = cosineAt06 - logit06 / slope;
  }

  double score(double cosine) {
    return 1 / (1 + Math.exp(-slope * (cosine - midpoint)));
  }

  /** The raw cosine a calibrated threshold corresponds to. */
  double cosineFor(double score) {
    return midpoint + Math.log(score / (1 - score)) / slope;
  }
}
