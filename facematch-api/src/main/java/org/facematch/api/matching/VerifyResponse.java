package org.facematch.api.matching;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.facematch.matching.entity.Verification;

@Schema(name = "VerifyResponse")
public record VerifyResponse(
    @Schema(description = "similarity_score >= threshold") boolean isMatch,
    @Schema(description = "Calibrated similarity, 0-1", example = "0.93") double similarityScore,
    @Schema(description = "Lower detection confidence of the two faces, 0-1") double confidence,
    double threshold,
    long processingTimeMs,
    @Schema(
            description =
                "The engine's raw score: cosine for the local engine, 0-100 similarity for Rekognition")
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
