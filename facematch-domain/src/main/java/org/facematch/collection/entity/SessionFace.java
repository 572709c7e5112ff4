package org.facematch.collection.entity;

import java.time.Instant;

/**
 * A face as its subject may see what is kept of them: everything but the image and the template.
 */
public record SessionFace(
    String faceId,
    Instant registeredAt,
    String metadata,
    Double quality,
    String modelVersion,
    boolean blacklisted,
    String blacklistReason,
    Instant blacklistedAt) {}
