package org.facematch.collection.entity;

/** What a search match reveals of a registered face. */
public record FaceSummary(
    String faceId,
    String sessionId,
    String metadata,
    boolean blacklisted,
    String blacklistReason) {}
