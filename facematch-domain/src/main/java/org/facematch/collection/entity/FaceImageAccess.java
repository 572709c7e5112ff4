package org.facematch.collection.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;
import org.facematch.storage.control.PresignedDownload;

/** Links to face images issued to a caller, by face id. */
public record FaceImageAccess(Map<String, PresignedDownload> links) implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return List.copyOf(links.keySet());
  }

  @Override
  public Optional<String> auditedDetails() {
    return links.values().stream()
        .map(PresignedDownload::expiresAt)
        .max(Comparable::compareTo)
        .map(last -> "image links valid until " + last);
  }
}
