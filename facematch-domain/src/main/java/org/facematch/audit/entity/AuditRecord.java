package org.facematch.audit.entity;

import java.util.List;

/**
 * What an audit event says.
 *
 * @param outcome {@code OK} or the problem code the call ended with
 */
public record AuditRecord(
    String requestId,
    String tenantId,
    String actor,
    String operation,
    String outcome,
    List<String> faceIds,
    Double similarity,
    Integer processingMs,
    String details) {

  public static final String OK = "OK";
}
