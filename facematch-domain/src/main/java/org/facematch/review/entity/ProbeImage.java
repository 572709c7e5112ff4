package org.facematch.review.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/**
 * The search image a review case kept; empty bytes when it is gone.
 *
 * @param bytes the image, never null
 */
public record ProbeImage(long caseId, String matchedFaceId, byte[] bytes)
    implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return List.of(matchedFaceId);
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of("case " + caseId);
  }
}
