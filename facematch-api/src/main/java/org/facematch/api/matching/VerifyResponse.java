package org.facematch.api.matching;

import java.util.List;
import org.facematch.matching.entity.Verification;

public record VerifyResponse(
    boolean isMatch,
    double similarityScore,
    double confidence,
    double threshold,
    long processingTimeMs,
    double rawScore,
    String modelVersion,
    List<ImageWarningResponse> warnings) {

  static VerifyResponse from(Verification v, long processingTimeMs) {
    return new VerifyResponse(
        v.match(),
        round(v.similarity().score()),
        round(v.confidence()),
        v.threshold(),
        processingTimeMs,
        round(v.similarity().raw()),
        v.similarity().modelId(),
        v.warnings().stream().map(ImageWarningResponse::from).toList());
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
