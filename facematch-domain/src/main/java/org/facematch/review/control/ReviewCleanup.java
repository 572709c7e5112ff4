package org.facematch.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.facematch.kernel.entity.FaceEvent;
import org.facematch.review.entity.ReviewCase;
import org.facematch.storage.control.BlobStore;

/**
 * A removed face takes its review cases with it, within the removal's transaction. The kept search
 * images go first, as the face's own image does: deleting is idempotent, so should the transaction
 * fail, a retried removal finds the rows and finishes; no image is ever left without a row that
 * names it.
 */
@ApplicationScoped
public class ReviewCleanup {

  @PersistenceContext EntityManager em;
  @Inject BlobStore blobs;

  void faceRemoved(@Observes FaceEvent.Removed removed) {
    for (ReviewCase review :
        em.createNamedQuery(ReviewCase.BY_MATCHED_FACE, ReviewCase.class)
            .setParameter("tenantId", removed.tenant().value())
            .setParameter("faceId", removed.faceId())
            .getResultList()) {
      blobs.delete(review.probeS3Key());
      em.remove(review);
    }
  }
}
