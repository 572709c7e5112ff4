package org.facematch.review.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.audit.boundary.CallAudit;
import org.facematch.collection.control.StorageKeys;
import org.facematch.collection.control.TransactionOutcome;
import org.facematch.engine.control.EngineImage;
import org.facematch.engine.control.ImageIntake;
import org.facematch.matching.entity.ReportWarning;
import org.facematch.matching.entity.SearchMatch;
import org.facematch.matching.entity.SearchReport;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.review.entity.ReviewCase;
import org.facematch.review.entity.ReviewSummary;
import org.facematch.storage.control.BlobStore;
import org.facematch.tenant.entity.ConsoleActor;
import org.facematch.tenant.entity.TenantId;

/** The review queue: risky searches in, human decisions out. */
@Stateless
public class Reviews {

  public static final String CONFIRMED = "REVIEW_CONFIRM";
  public static final String DISMISSED = "REVIEW_DISMISS";
  /** Risks a human must look at; quality notes alone open no case. */
  static final List<String> RISKS = List.of("FACE_IN_BLACKLIST", "POSSIBLE_FACE_IN_BLACKLIST", "DUPLICATED_FACE");
  static final int MAX_IMAGE_BYTES = 15 * 1024 * 1024;
  private static final System.Logger LOGGER = System.getLogger(Reviews.class.getName());

  @PersistenceContext EntityManager em;
  @Inject BlobStore blobs;
  @Inject TransactionOutcome outcome;
  @Inject CallAudit call;
  @Inject AuditLog audit;

  /**
   * Opens a case when a search ended In Review or Declined because of a blacklist or duplicate
   * hit, inside the search's transaction; the kept probe image is removed again if it rolls back.
   */
  public void consider(TenantId tenantId, SearchReport report, EngineImage probe) {
    if (SearchReport.APPROVED.equals(report.status())) {
      return;
    }
    Optional<ReportWarning> risk =
        RISKS.stream()
            .flatMap(r -> report.warnings().stream().filter(w -> w.risk().equals(r)))
            .findFirst();
    Optional<Map<String, Object>> face = risk.flatMap(Reviews::firstFace);
    if (face.isEmpty()) {
      return;
    }
    String faceId = (String) face.get().get("face_id");
    double similarity = ((Number) face.get().get("similarity")).doubleValue();
    String session = report.matches().stream().filter(m -> m.faceId().equals(faceId)).map(SearchMatch::sessionId).findFirst().orElse(null);
    byte[] bytes = probe.bytes(); // already read for a local search; read once for a Rekognition one
    String key = StorageKeys.tenantPrefix(tenantId) + "reviews/" + UUID.randomUUID() + "." + ImageIntake.extension(bytes);
    blobs.put(key, bytes, ImageIntake.mediaType(bytes));
    outcome.afterRollback(() -> blobs.delete(key));
    ReviewCase review =
        new ReviewCase(tenantId.value(), call.requestId(), report.status(), risk.get().risk(), key, faceId, session, similarity);
    em.persist(review);
    LOGGER.log(Level.DEBUG, "Review case opened for face {0} of tenant {1}", faceId, tenantId);
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> firstFace(ReportWarning warning) {
    Object faces = warning.additionalData().get("faces");
    return faces instanceof List<?> list && !list.isEmpty() ? Optional.of((Map<String, Object>) list.get(0)) : Optional.empty();
  }

  /** Open cases first by default; {@code decided} lists the decided ones instead. */
  public List<ReviewSummary> page(ConsoleActor actor, TenantId tenantId, boolean decided, int offset, int limit) {
    actor.requireOwnTenant(tenantId);
    return em.createNamedQuery(ReviewCase.BY_STATE, ReviewSummary.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("states", states(decided))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public int count(ConsoleActor actor, TenantId tenantId, boolean decided) {
    actor.requireOwnTenant(tenantId);
    return em.createNamedQuery(ReviewCase.COUNT_BY_STATE, Long.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("states", states(decided))
        .getSingleResult()
        .intValue();
  }

  /** The search's probe image as kept for the review. */
  public Optional<byte[]> probeImage(ConsoleActor actor, TenantId tenantId, long caseId) {
    actor.requireOwnTenant(tenantId);
    return blobs.get(find(tenantId, caseId).probeS3Key(), MAX_IMAGE_BYTES);
  }

  /** Confirms (the hit is real: the applicant is the blacklisted or duplicate person) or dismisses. */
  public void decide(ConsoleActor actor, TenantId tenantId, long caseId, boolean confirm, String note) {
    actor.requireOwnTenant(tenantId);
    ReviewCase review = find(tenantId, caseId);
    String clean = note == null || note.isBlank() ? null : note.strip();
    if (clean != null && clean.length() > 500) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "The note may have at most 500 characters");
    }
    if (!review.decide(confirm, actor.name(), clean)) {
      throw new FaceMatchException(Problem.CONCURRENT_CHANGE, "This case was decided already");
    }
    audit.record(
        tenantId.value(), actor.name(), confirm ? CONFIRMED : DISMISSED, "OK", List.of(review.matchedFaceId()),
        "case " + caseId + (clean == null ? "" : ": " + clean));
  }

  private ReviewCase find(TenantId tenantId, long caseId) {
    ReviewCase review = em.find(ReviewCase.class, caseId);
    if (review == null || !review.tenantId().equals(tenantId.value())) {
      throw new FaceMatchException(Problem.NOT_FOUND, "No review case " + caseId);
    }
    return review;
  }

  private static Set<String> states(boolean decided) {
    return decided ? Set.of(ReviewCase.CONFIRMED, ReviewCase.DISMISSED) : Set.of(ReviewCase.OPEN);
  }
}
