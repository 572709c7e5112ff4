package org.facematch.collection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A registered face: the image's location, the engine's template for it and its blacklist state.
 * Aggregate root of a tenant's collection.
 */
@Entity
@Table(name = "faces")
@NamedQuery(
    name = Face.COUNT_BY_TENANT,
    query = "SELECT COUNT(f) FROM Face f WHERE f.tenantId = :tenantId")
@NamedQuery(
    name = Face.COUNT_BY_SESSION,
    query = "SELECT COUNT(f) FROM Face f WHERE f.tenantId = :tenantId AND f.sessionId = :sessionId")
@NamedQuery(
    name = Face.SUMMARIES,
    query =
        "SELECT NEW org.facematch.collection.entity.FaceSummary(f.id, f.sessionId, f.metadata, f.blacklisted,"
            + " f.blacklistReason, f.createdAt, f.s3Key) FROM Face f WHERE f.tenantId = :tenantId"
            + " AND f.id IN :ids")
@NamedQuery(
    name = Face.COUNT_PER_TENANT,
    query = "SELECT f.tenantId, COUNT(f) FROM Face f WHERE f.tenantId IN :ids GROUP BY f.tenantId")
@NamedQuery(
    name = Face.ROWS_BY_TENANT,
    query =
        "SELECT NEW org.facematch.collection.entity.FaceRow(f.id, f.sessionId, f.createdAt, f.quality, f.blacklisted,"
            + " f.blacklistReason) FROM Face f WHERE f.tenantId = :tenantId AND f.sessionId LIKE :session"
            + " ORDER BY f.createdAt DESC, f.id")
@NamedQuery(
    name = Face.OF_SESSION,
    query =
        "SELECT NEW org.facematch.collection.entity.SessionFace(f.id, f.createdAt, f.metadata, f.quality,"
            + " f.modelVersion, f.blacklisted, f.blacklistReason, f.blacklistedAt) FROM Face f"
            + " WHERE f.tenantId = :tenantId AND f.sessionId = :sessionId ORDER BY f.createdAt, f.id")
@NamedQuery(
    name = Face.IDS_OF_SESSION,
    query =
        "SELECT f.id FROM Face f WHERE f.tenantId = :tenantId AND f.sessionId = :sessionId"
            + " ORDER BY f.createdAt, f.id")
@NamedQuery(
    name = Face.COUNT_ROWS_BY_TENANT,
    query =
        "SELECT COUNT(f) FROM Face f WHERE f.tenantId = :tenantId AND f.sessionId LIKE :session")
@NamedQuery(
    name = Face.COUNTS_BY_TENANT,
    query =
        "SELECT COUNT(f), SUM(CASE WHEN f.blacklisted = TRUE THEN 1 ELSE 0 END) FROM Face f WHERE f.tenantId = :tenantId")
@NamedQuery(
    name = Face.IDS_REGISTERED_BEFORE,
    query =
        "SELECT f.id FROM Face f WHERE f.tenantId = :tenantId AND f.createdAt < :cutoff"
            + " ORDER BY f.createdAt, f.id")
public class Face {

  public static final String IDS_REGISTERED_BEFORE = "Face.idsRegisteredBefore";

  public static final String COUNTS_BY_TENANT = "Face.countsByTenant";

  public static final String ROWS_BY_TENANT = "Face.rowsByTenant";
  public static final String COUNT_ROWS_BY_TENANT = "Face.countRowsByTenant";

  public static final String COUNT_PER_TENANT = "Face.countPerTenant";

  public static final String COUNT_BY_TENANT = "Face.countByTenant";
  public static final String COUNT_BY_SESSION = "Face.countBySession";
  public static final String SUMMARIES = "Face.summaries";
  public static final String OF_SESSION = "Face.ofSession";
  public static final String IDS_OF_SESSION = "Face.idsOfSession";

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

  /** Sealed with the keyring key {@link #embeddingKeyId}; in clear when that is null. */
  @Lob byte[] embedding;

  @Column(name = "embedding_key_id")
  String embeddingKeyId;

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

  public Face(
      String id,
      String tenantId,
      String sessionId,
      String engineFaceId,
      String s3Key,
      String metadata,
      String modelVersion,
      byte[] embedding,
      String embeddingKeyId,
      double quality) {
    this.id = id;
    this.tenantId = tenantId;
    this.sessionId = sessionId;
    this.engineFaceId = engineFaceId;
    this.s3Key = s3Key;
    this.metadata = metadata;
    this.modelVersion = modelVersion;
    this.embedding = embedding;
    this.embeddingKeyId = embeddingKeyId;
    this.quality = quality;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String s3Key() {
    return s3Key;
  }

  public String engineFaceId() {
    return engineFaceId;
  }

  /** The engine the face was enrolled with; only that engine can find or forget it. */
  public String modelVersion() {
    return modelVersion;
  }

  /**
   * Idempotent: a face already on the blacklist keeps its original reason, time and actor.
   *
   * @return whether the face was not on the blacklist before
   */
  public boolean blacklist(String reason, String actor) {
    if (blacklisted) {
      return false;
    }
    blacklisted = true;
    blacklistReason = reason;
    blacklistedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS); // the column's precision
    blacklistedBy = actor;
    return true;
  }

  /**
   * Takes the face off the blacklist; searches report it as an ordinary face again.
   *
   * @return whether the face was on the blacklist before
   */
  public boolean removeFromBlacklist() {
    if (!blacklisted) {
      return false;
    }
    blacklisted = false;
    blacklistReason = null;
    blacklistedAt = null;
    blacklistedBy = null;
    return true;
  }

  public String sessionId() {
    return sessionId;
  }

  public BlacklistState blacklistState() {
    return new BlacklistState(id, blacklisted, blacklistReason, blacklistedAt, blacklistedBy);
  }
}
