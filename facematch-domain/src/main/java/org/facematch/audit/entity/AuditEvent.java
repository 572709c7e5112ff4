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
 * payloads or templates. Read here; written, chained and hashed by {@code AuditChains} (see {@link
 * ChainedEvent}), never updated.
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
}
