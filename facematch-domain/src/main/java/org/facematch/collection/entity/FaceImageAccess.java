package org.facematch.collection.entity;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/** Links to face images issued to a caller, by face id. */
public record FaceImageAccess(Map<String, Link> links) implements AuditedOutcome {

  /** A URL that reads one face's image until it expires. */
  public record Link(URL url, Instant expiresAt) {}

  @Override
  public List<String> auditedFaceIds() {
    return List.copyOf(links.keySet());
  }

  @Override
  public Optional<String> auditedDetails() {
    return links.values().stream()
        .map(Link::expiresAt)
        .max(Comparable::compareTo)
        .map(last -> "image links valid until " + last);
  }
}
