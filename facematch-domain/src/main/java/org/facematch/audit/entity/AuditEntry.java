package org.facematch.audit.entity;

import java.time.Instant;

/** One audit event as the console lists and exports it. */
public record AuditEntry(
    Long id,
    Instant occurredAt,
    String tenantId,
    String actor,
    String operation,
    String outcome,
    String faceIds,
    Double similarity,
    Integer processingMs,
    String requestId,
    String details) {}
