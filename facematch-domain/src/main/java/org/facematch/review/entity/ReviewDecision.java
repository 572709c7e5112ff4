package org.facematch.review.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/** A decided review case, as the audit trail records it. */
public record ReviewDecision(long caseId, String matchedFaceId, ReviewState state, String note)
    implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return List.of(matchedFaceId);
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of("case " + caseId + (note == null ? "" : ": " + note));
  }
}
