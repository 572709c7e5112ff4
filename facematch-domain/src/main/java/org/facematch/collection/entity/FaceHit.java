package org.facematch.collection.entity;

/** A registered face close to a probe. */
public record FaceHit(String faceId, String sessionId, boolean blacklisted, double cosine) {}
