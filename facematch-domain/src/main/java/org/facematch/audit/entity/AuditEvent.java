package org.facematch.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One audited call: who did what to which faces, and how it ended. Never holds images, base64
 * payloads or templates.
 */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "occurred_at")
  Instant occurredAt;

  @Column(name = "tenant_id")
  String tenantId;

  String actor;
  String operation;
  String outcome;

  @Column(name = "face_ids")
  String faceIds;

  Double similarity;

  @Column(name = "processing_ms")
  Integer processingMs;

  @Column(name = "request_id")
  String requestId;

  String details;

  protected AuditEvent() {}

  public AuditEvent(AuditRecord record) {
    this.occurredAt = Instant.now();
    this.tenantId = record.tenantId();
    this.actor = truncate(record.actor() == null ? "anonymous" : record.actor(), 200);
    this.operation = record.operation();
    this.outcome = record.outcome();
    this.faceIds =
        record.faceIds().isEmpty() ? null : truncate(String.join(",", record.faceIds()), 1000);
    this.similarity = record.similarity();
    this.processingMs = record.processingMs();
    this.requestId = record.requestId();
    this.details = record.details() == null ? null : truncate(record.details(), 2000);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
