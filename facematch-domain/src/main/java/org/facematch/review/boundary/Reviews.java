package org.facematch.review.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.boundary.RequestAudit;
import org.facematch.audit.entity.Operation;
import org.facematch.image.control.EngineImage;
import org.facematch.image.control.ImageIntake;
import org.facematch.image.entity.ImageFormat;
import org.facematch.kernel.control.TransactionOutcome;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.review.entity.ProbeImage;
import org.facematch.review.entity.ReviewCase;
import org.facematch.review.entity.ReviewDecision;
import org.facematch.review.entity.ReviewState;
import org.facematch.review.entity.ReviewSummary;
import org.facematch.review.entity.SuspectedMatch;
import org.facematch.storage.control.BlobStore;
import org.facematch.storage.control.StorageKeys;

/** The review queue: risky searches in, human decisions out. */
@Stateless
public class Reviews {

  static final int MAX_IMAGE_BYTES = ImageIntake.MAX_STORED_BYTES;
  public static final int MAX_NOTE = 500;
  private static final System.Logger LOGGER = System.getLogger(Reviews.class.getName());

  @PersistenceContext EntityManager em;
  @Inject BlobStore blobs;
  @Inject TransactionOutcome outcome;
  @Inject RequestAudit request;

  /**
   * Opens a case for a suspected match, inside the search's transaction; the kept probe image is
   * removed again if it rolls back.
   */
  public void open(TenantId tenantId, SuspectedMatch match, EngineImage probe) {
    byte[] bytes =
        probe.bytes(); // already read for a local search; read once for a Rekognition one
    ImageFormat format = probe.format();
    String key = StorageKeys.reviewProbe(tenantId, format.extension());
    blobs.put(key, bytes, format.mediaType());
    outcome.afterRollback(() -> blobs.delete(key));
    em.persist(
        new ReviewCase(
            tenantId.value(),
            request.requestId(),
            match.searchStatus(),
            match.risk(),
            key,
            match.faceId(),
            match.sessionId(),
            match.similarity()));
    LOGGER.log(
        Level.DEBUG, "Review case opened for face {0} of tenant {1}", match.faceId(), tenantId);
  }

  /** Open cases first by default; {@code decided} lists the decided ones instead. */
  @Audited(Operation.LIST_REVIEWS)
  public List<ReviewSummary> page(
      Caller caller, TenantId tenantId, boolean decided, int offset, int limit) {
    return em.createNamedQuery(ReviewCase.BY_STATE, ReviewSummary.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("states", states(decided))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Audited(Operation.LIST_REVIEWS)
  public int count(Caller caller, TenantId tenantId, boolean decided) {
    return em.createNamedQuery(ReviewCase.COUNT_BY_STATE, Long.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("states", states(decided))
        .getSingleResult()
        .intValue();
  }

  /** The search's probe image as kept for the review. */
  @Audited(Operation.VIEW_PROBE_IMAGE)
  public ProbeImage probeImage(Caller caller, TenantId tenantId, long caseId) {
    ReviewCase review = find(tenantId, caseId);
    return new ProbeImage(
        caseId,
        review.matchedFaceId(),
        blobs.get(review.probeS3Key(), MAX_IMAGE_BYTES).orElse(new byte[0]));
  }

  /** The hit is real: the applicant is the blacklisted or duplicate person. */
  @Audited(Operation.REVIEW_CONFIRM)
  public ReviewDecision confirm(Caller caller, TenantId tenantId, long caseId, String note) {
    return decide(caller, tenantId, caseId, true, note);
  }

  /** The hit is not the same person. */
  @Audited(Operation.REVIEW_DISMISS)
  public ReviewDecision dismiss(Caller caller, TenantId tenantId, long caseId, String note) {
    return decide(caller, tenantId, caseId, false, note);
  }

  private ReviewDecision decide(
      Caller caller, TenantId tenantId, long caseId, boolean confirm, String note) {
    ReviewCase review = find(tenantId, caseId);
    String clean = note == null || note.isBlank() ? null : note.strip();
    if (clean != null && clean.length() > MAX_NOTE) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "The note may have at most " + MAX_NOTE + " characters");
    }
    if (!review.decide(confirm, caller.name(), clean)) {
      throw new FaceMatchException(Problem.CONCURRENT_CHANGE, "This case was decided already");
    }
    return new ReviewDecision(caseId, review.matchedFaceId(), review.state(), clean);
  }

  /** Whether {@link #expire} has anything to remove. */
  @Audited(Operation.RETENTION_SCAN)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean due(Caller system, TenantId tenantId, Instant decidedBefore, Instant openBefore) {
    return !dueCases(tenantId, decidedBefore, openBefore, 1).isEmpty();
  }

  /**
   * Removes up to {@code limit} cases that outlived the tenant's retention, each with its kept
   * search image: decided before {@code decidedBefore}, or still open since before {@code
   * openBefore}. Images go first, as a removed face's cases do (see {@code ReviewCleanup}).
   *
   * @return how many were removed; fewer than {@code limit} means none are due any more
   */
  @Audited(Operation.RETENTION_SCAN)
  public int expire(
      Caller system, TenantId tenantId, Instant decidedBefore, Instant openBefore, int limit) {
    List<ReviewCase> due = dueCases(tenantId, decidedBefore, openBefore, limit);
    for (ReviewCase review : due) {
      blobs.delete(review.probeS3Key());
      em.remove(review);
    }
    return due.size();
  }

  private List<ReviewCase> dueCases(
      TenantId tenantId, Instant decidedBefore, Instant openBefore, int limit) {
    return em.createNamedQuery(ReviewCase.DUE, ReviewCase.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("decidedBefore", decidedBefore)
        .setParameter("openBefore", openBefore)
        .setParameter("open", ReviewState.OPEN)
        .setMaxResults(limit)
        .getResultList();
  }

  private ReviewCase find(TenantId tenantId, long caseId) {
    ReviewCase review = em.find(ReviewCase.class, caseId);
    if (review == null || !review.tenantId().equals(tenantId.value())) {
      throw new FaceMatchException(Problem.NOT_FOUND, "No review case " + caseId);
    }
    return review;
  }

  private static Set<ReviewState> states(boolean decided) {
    return decided
        ? Set.of(ReviewState.CONFIRMED, ReviewState.DISMISSED)
        : Set.of(ReviewState.OPEN);
  }
}
