package org.facematch.collection.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/** A face's blacklist state. */
public record BlacklistState(
    String faceId, boolean blacklisted, String reason, Instant blacklistedAt, String blacklistedBy)
    implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return List.of(faceId);
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.ofNullable(reason).map(r -> "reason: " + r);
  }
}
