package org.facematch.retention.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/**
 * What one tenant's round of the retention purge removed: the faces (each also audited on its own),
 * the review cases with their kept search images, and the audit events.
 */
public record PurgeRound(String tenantId, List<String> faceIds, int reviewCases, long auditEvents)
    implements AuditedOutcome {

  public static PurgeRound nothing(String tenantId) {
    return new PurgeRound(tenantId, List.of(), 0, 0);
  }

  public boolean removedAnything() {
    return !faceIds.isEmpty() || reviewCases > 0 || auditEvents > 0;
  }

  @Override
  public List<String> auditedFaceIds() {
    return faceIds;
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of(
        "faces: "
            + faceIds.size()
            + ", review cases: "
            + reviewCases
            + ", audit events: "
            + auditEvents);
  }

  @Override
  public Optional<String> auditedTenant() {
    return Optional.ofNullable(tenantId);
  }
}
