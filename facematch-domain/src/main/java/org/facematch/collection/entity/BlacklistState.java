package org.facematch.collection.entity;

import java.time.Instant;

/** A face's blacklist state. */
public record BlacklistState(String faceId, boolean blacklisted, String reason, Instant blacklistedAt, String blacklistedBy) {}
