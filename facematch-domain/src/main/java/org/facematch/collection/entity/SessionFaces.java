package org.facematch.collection.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/** Every face a tenant keeps of one session (one subject), oldest first. */
public record SessionFaces(String sessionId, List<SessionFace> faces) implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return faces.stream().map(SessionFace::faceId).toList();
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of("session: " + sessionId);
  }
}
