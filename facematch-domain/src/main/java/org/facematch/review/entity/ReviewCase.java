package org.facematch.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A search waiting for (or given) a human decision. Aggregate root of the review BC. */
@Entity
@Table(name = "review_cases")
@NamedQuery(
    name = ReviewCase.BY_STATE,
    query =
        "SELECT NEW org.facematch.review.entity.ReviewSummary(r.id, r.createdAt, r.searchStatus, r.risk,"
            + " r.matchedFaceId, r.matchedSessionId, r.similarity, r.state, r.decidedBy, r.decidedAt)"
            + " FROM ReviewCase r WHERE r.tenantId = :tenantId AND r.state IN :states ORDER BY r.createdAt DESC, r.id DESC")
@NamedQuery(
    name = ReviewCase.COUNT_BY_STATE,
    query = "SELECT COUNT(r) FROM ReviewCase r WHERE r.tenantId = :tenantId AND r.state IN :states")
@NamedQuery(
    name = ReviewCase.BY_MATCHED_FACE,
    query = "SELECT r FROM ReviewCase r WHERE r.tenantId = :tenantId AND r.matchedFaceId = :faceId")
@NamedQuery(
    name = ReviewCase.DUE,
    query =
        "SELECT r FROM ReviewCase r WHERE r.tenantId = :tenantId AND ((r.state <> :open AND"
            + " r.decidedAt < :decidedBefore) OR (r.state = :open AND r.createdAt < :openBefore))"
            + " ORDER BY r.id")
public class ReviewCase {

  public static final String DUE = "ReviewCase.due";

  public static final String BY_STATE = "ReviewCase.byState";
  public static final String COUNT_BY_STATE = "ReviewCase.countByState";
  public static final String BY_MATCHED_FACE = "ReviewCase.byMatchedFace";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "tenant_id")
  String tenantId;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "request_id")
  String requestId;

  @Column(name = "search_status")
  String searchStatus;

  String risk;

  @Column(name = "probe_s3_key")
  String probeS3Key;

  @Column(name = "matched_face_id")
  String matchedFaceId;

  @Column(name = "matched_session_id")
  String matchedSessionId;

  double similarity;

  @Enumerated(EnumType.STRING)
  ReviewState state;

  @Column(name = "decided_at")
  Instant decidedAt;

  @Column(name = "decided_by")
  String decidedBy;

  @Column(name = "decision_note")
  String decisionNote;

  @Version long version;

  protected ReviewCase() {}

  public ReviewCase(
      String tenantId,
      String requestId,
      String searchStatus,
      String risk,
      String probeS3Key,
      String matchedFaceId,
      String matchedSessionId,
      double similarity) {
    this.tenantId = tenantId;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    this.requestId = requestId;
    this.searchStatus = searchStatus;
    this.risk = risk;
    this.probeS3Key = probeS3Key;
    this.matchedFaceId = matchedFaceId;
    this.matchedSessionId = matchedSessionId;
    this.similarity = similarity;
    this.state = ReviewState.OPEN;
  }

  public Long id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String probeS3Key() {
    return probeS3Key;
  }

  public String matchedFaceId() {
    return matchedFaceId;
  }

  public ReviewState state() {
    return state;
  }

  /** Records the decision once; a decided case stays decided. */
  public boolean decide(boolean confirm, String actor, String note) {
    if (state != ReviewState.OPEN) {
      return false;
    }
    state = confirm ? ReviewState.CONFIRMED : ReviewState.DISMISSED;
    decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    decidedBy = actor;
    decisionNote = note;
    return true;
  }
}
