package org.facematch.audit.entity;

import java.util.List;
import java.util.Optional;

/**
 * What a boundary operation's result tells the audit trail beyond who and what: the faces it
 * touched, the best similarity, a short note. Results implement it; nothing calls the audit trail
 * by hand.
 */
public interface AuditedOutcome {

  default List<String> auditedFaceIds() {
    return List.of();
  }

  default Optional<Double> auditedSimilarity() {
    return Optional.empty();
  }

  default Optional<String> auditedDetails() {
    return Optional.empty();
  }

  /** The tenant the event belongs to, when it is not the caller's own or the one operated on. */
  default Optional<String> auditedTenant() {
    return Optional.empty();
  }
}
