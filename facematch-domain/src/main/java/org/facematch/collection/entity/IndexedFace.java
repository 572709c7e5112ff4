package org.facematch.collection.entity;

/** A registered face as the in-memory search index holds it. */
public record IndexedFace(String faceId, String sessionId, String modelId, boolean blacklisted, float[] vector) {}
