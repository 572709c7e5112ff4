package org.facematch.collection.entity;

import java.time.Instant;

/** A registered face as the console lists it: no image, no template, no metadata. */
public record FaceRow(
    String faceId,
    String sessionId,
    Instant createdAt,
    Double quality,
    boolean blacklisted,
    String blacklistReason) {}
