package org.facematch.tenant.entity;

import java.time.Instant;

/** A console login as support staff list it; never the hash. */
public record ConsoleLogin(
    String username, String role, String tenantId, boolean enabled, Instant lockedUntil, Instant createdAt, String createdBy) {}
