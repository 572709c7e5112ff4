package org.facematch.review.entity;

import java.time.Instant;

/** A review case as the queue lists it. */
public record ReviewSummary(
    Long id,
    Instant createdAt,
    String searchStatus,
    String risk,
    String matchedFaceId,
    String matchedSessionId,
    double similarity,
    ReviewState state,
    String decidedBy,
    Instant decidedAt) {}
