package org.facematch.matching.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;
import org.facematch.engine.entity.Similarity;

/**
 * The outcome of a 1:1 verification.
 *
 * @param confidence how sure the engine is that both images show a face: the lower of the two
 *     subjects' detection scores
 */
public record Verification(
    boolean match,
    Similarity similarity,
    double threshold,
    double confidence,
    List<ImageWarning> warnings)
    implements AuditedOutcome {

  @Override
  public Optional<Double> auditedSimilarity() {
    return Optional.of(similarity.score());
  }
}
