package org.facematch.collection.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/** A session whose faces are gone, every trace of each; the faces this erasure removed. */
public record ErasedSession(String sessionId, List<String> removedFaceIds)
    implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return removedFaceIds;
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of("session: " + sessionId + ", " + removedFaceIds.size() + " faces removed");
  }
}
