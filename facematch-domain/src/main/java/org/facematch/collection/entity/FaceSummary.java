package org.facematch.collection.entity;

import java.time.Instant;

/** What a search match reveals of a registered face. */
public record FaceSummary(
    String faceId,
    String sessionId,
    String metadata,
    boolean blacklisted,
    String blacklistReason,
    Instant registeredAt,
    String s3Key) {}
