package org.facematch.collection.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.facematch.collection.entity.Face;
import org.facematch.collection.entity.RemovedFace;
import org.facematch.engine.control.FaceEngines;
import org.facematch.kernel.entity.FaceEvent;
import org.facematch.kernel.entity.TenantId;
import org.facematch.storage.control.BlobStore;

/**
 * The one routine that removes every trace of a face, for every way a face leaves (the API's
 * delete, the console's, a session's erasure): its image and its entry in the engine that enrolled
 * it (a Rekognition {@code DeleteFaces} too) first, since both deletions are idempotent and a
 * failure later can simply be retried; then its row; then {@link FaceEvent.Removed}, on which
 * review removes the cases and kept images that refer to the face, within this transaction, and the
 * local index drops the face once it has committed.
 */
@ApplicationScoped
public class FaceRemoval {

  @PersistenceContext EntityManager em;
  @Inject BlobStore blobs;
  @Inject FaceEngines engines;
  @Inject Event<FaceEvent> events;

  public RemovedFace remove(Face face) {
    blobs.delete(face.s3Key());
    engines
        .find(face.modelVersion())
        .ifPresent(engine -> engine.forget(face.tenantId(), face.id(), face.engineFaceId()));
    em.remove(face);
    events.fire(
        new FaceEvent.Removed(new TenantId(face.tenantId()), face.id(), face.modelVersion()));
    return new RemovedFace(face.id(), face.sessionId());
  }
}
