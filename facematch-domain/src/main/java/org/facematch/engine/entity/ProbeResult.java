package org.facematch.engine.entity;

import java.util.List;

/**
 * What a 1:N search found for a probe image.
 *
 * @param candidates the collection's faces at or above the asked similarity, best first
 * @param faceCount faces seen in the probe, where the engine reports it (1 otherwise)
 */
public record ProbeResult(
    List<Candidate> candidates, int faceCount, double confidence, List<QualityWarning> warnings) {

  /** A registered face (our face id) and how alike it is to the probe. */
  public record Candidate(String faceId, Similarity similarity) {}
}
