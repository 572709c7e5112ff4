package org.facematch.matching.entity;

/** A registered face that matches the probe at or above the search threshold. */
public record SearchMatch(
    String faceId,
    String sessionId,
    double similarity,
    String metadata,
    boolean blacklisted,
    String blacklistReason) {}
