package org.facematch.matching.entity;

import java.net.URL;
import java.time.Instant;
import java.util.Optional;

/** A registered face that matches the probe at or above the search threshold. */
public record SearchMatch(
    String faceId,
    String sessionId,
    double similarity,
    String metadata,
    boolean blacklisted,
    String blacklistReason,
    Instant registeredAt,
    Optional<MatchImage> image) {

  /** A link to the matched face's registered image, for a reviewer to look at, and its expiry. */
  public record MatchImage(URL url, Instant expiresAt) {}
}
