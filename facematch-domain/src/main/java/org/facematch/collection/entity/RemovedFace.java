package org.facematch.collection.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/** A face whose every trace was removed. */
public record RemovedFace(String faceId, String sessionId) implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return List.of(faceId);
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of("session: " + sessionId);
  }
}
