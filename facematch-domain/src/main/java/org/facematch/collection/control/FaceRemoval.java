package org.facematch.collection.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.facematch.collection.entity.Face;
import org.facematch.engine.control.FaceEngines;
import org.facematch.storage.control.BlobStore;

/** Removes every trace of a face: its image, its entry in the engine that enrolled it, its row. */
@ApplicationScoped
public class FaceRemoval {

  @PersistenceContext EntityManager em;
  @Inject BlobStore blobs;
  @Inject FaceEngines engines;

  public void remove(Face face) {
    // image and engine entry first: both deletions are idempotent, so a failure later can simply be retried
    blobs.delete(face.s3Key());
    engines.find(face.modelVersion()).ifPresent(engine -> engine.forget(face.tenantId(), face.id(), face.engineFaceId()));
    em.remove(face);
  }
}
