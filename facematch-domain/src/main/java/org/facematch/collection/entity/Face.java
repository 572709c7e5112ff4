package org.facematch.collection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A registered face: the image's location, the engine's template for it and its blacklist state.
 * Aggregate root of a tenant's collection.
 */
@Entity
@Table(name = "faces")
@NamedQuery(
    name = Face.COUNT_BY_TENANT,
    query = "SELECT COUNT(f) FROM Face f WHERE f.tenantId = :tenantId")
public class Face {

  public static final String COUNT_BY_TENANT = "Face.countByTenant";

  @Id String id;

  @Column(name = "tenant_id")
  String tenantId;

  @Column(name = "session_id")
  String sessionId;

  @Column(name = "engine_face_id")
  String engineFaceId;

  @Column(name = "s3_key")
  String s3Key;

  String metadata;

  @Column(name = "model_version")
  String modelVersion;

  @Lob byte[] embedding;

  Double quality;

  boolean blacklisted;

  @Column(name = "blacklist_reason")
  String blacklistReason;

  @Column(name = "blacklisted_at")
  Instant blacklistedAt;

  @Column(name = "blacklisted_by")
  String blacklistedBy;

  @Column(name = "created_at")
  Instant createdAt;

  protected Face() {}
}
