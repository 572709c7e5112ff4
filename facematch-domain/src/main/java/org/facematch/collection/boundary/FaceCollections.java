package org.facematch.collection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.lang.System.Logger.Level;
import java.util.UUID;
import java.util.regex.Pattern;
import org.facematch.audit.boundary.AuditTrail;
import org.facematch.audit.boundary.CallAudit;
import org.facematch.collection.control.EmbeddingIndex;
import org.facematch.collection.control.FaceLookup;
import org.facematch.collection.control.ImageLoader;
import org.facematch.collection.control.StorageKeys;
import org.facematch.collection.control.TransactionOutcome;
import org.facematch.collection.entity.CollectionStatus;
import org.facematch.collection.entity.Face;
import org.facematch.collection.entity.ImageInput;
import org.facematch.collection.entity.IndexedFace;
import org.facematch.collection.entity.RegisteredFace;
import org.facematch.engine.control.FaceEngine;
import org.facematch.engine.control.ImageIntake;
import org.facematch.engine.entity.FaceAnalysis;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.storage.control.BlobStore;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.Roles;
import org.facematch.tenant.entity.Tenant;
import org.facematch.tenant.entity.TenantId;

/**
 * Each tenant's collection of registered faces. A registration either leaves its database row,
 * its image and its index entry all in place, or none of them.
 */
@Stateless
public class FaceCollections {

  static final String NAME_PREFIX = "facematch-";
  public static final int MAX_METADATA_CHARS = 4096;
  static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
  private static final System.Logger LOGGER = System.getLogger(FaceCollections.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Tenants tenants;
  @Inject FaceEngine engine;
  @Inject ImageLoader images;
  @Inject FaceLookup faces;
  @Inject BlobStore blobs;
  @Inject EmbeddingIndex index;
  @Inject AuditTrail audit;
  @Inject CallAudit call;
  @Inject TransactionOutcome outcome;

  @RolesAllowed(Roles.KYC_READ)
  public CollectionStatus status(TenantId tenantId) {
    tenants.requireEnabled(tenantId);
    long count =
        em.createNamedQuery(Face.COUNT_BY_TENANT, Long.class)
            .setParameter("tenantId", tenantId.value())
            .getSingleResult();
    audit.succeeded();
    return new CollectionStatus(NAME_PREFIX + tenantId.value(), count, CollectionStatus.ACTIVE);
  }

  /**
   * Registers the subject of the image for a session. The image goes to the object store first;
   * should anything after that fail (the session's limit, the database), the object is removed
   * again once the transaction has rolled back.
   */
  @RolesAllowed(Roles.KYC_CREATE)
  public RegisteredFace register(TenantId tenantId, String sessionId, ImageInput image, String metadata) {
    tenants.requireEnabled(tenantId);
    if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "session_id is required: 1-128 letters, digits or . _ : @ -");
    }
    if (metadata != null && metadata.length() > MAX_METADATA_CHARS) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "metadata may hold at most " + MAX_METADATA_CHARS + " characters of JSON");
    }
    ImageLoader.Loaded loaded = images.load(tenantId, image, "image");
    FaceAnalysis analysis = engine.analyze(loaded.image());
    String faceId = UUID.randomUUID().toString();
    String key = StorageKeys.face(tenantId, faceId, ImageIntake.extension(loaded.bytes()));
    IndexedFace indexed =
        new IndexedFace(faceId, sessionId, engine.modelId(), false, analysis.embedding().vector());
    blobs.put(key, loaded.bytes(), ImageIntake.mediaType(loaded.bytes()));
    outcome.afterCommit(() -> index.put(tenantId.value(), indexed));
    outcome.afterRollback(() -> deleteQuietly(key));

    Tenant tenant = em.find(Tenant.class, tenantId.value(), LockModeType.PESSIMISTIC_WRITE);
    long registered =
        em.createNamedQuery(Face.COUNT_BY_SESSION, Long.class)
            .setParameter("tenantId", tenantId.value())
            .setParameter("sessionId", sessionId)
            .getSingleResult();
    int limit = tenant.settings().maxFacesPerUser();
    if (registered >= limit) {
      throw new FaceMatchException(
          Problem.MAX_FACES_EXCEEDED, "Session " + sessionId + " already has " + registered + " of " + limit + " faces");
    }
    double quality = analysis.subject().quality().score();
    try {
      em.persist(
          new Face(faceId, tenantId.value(), sessionId, faceId, key, metadata, engine.modelId(),
              analysis.embedding().toBytes(), quality));
      em.flush(); // a failing insert surfaces here, as a retryable error, not at commit
    } catch (PersistenceException e) {
      LOGGER.log(Level.WARNING, "Storing face " + faceId + " failed: " + e.getMessage());
      throw new FaceMatchException(Problem.STORAGE_UNAVAILABLE, "The face could not be stored; nothing was kept. Retry later");
    }
    call.face(faceId);
    audit.succeeded();
    return new RegisteredFace(faceId, faceId, key, quality, analysis.warnings());
  }

  /** Removes every trace of a face: image, row and index entry. */
  @RolesAllowed(Roles.KYC_CREATE)
  public void delete(TenantId tenantId, String faceId) {
    tenants.requireEnabled(tenantId);
    Face face = faces.find(tenantId, faceId);
    call.face(face.id());
    blobs.delete(face.s3Key()); // first: idempotent, so a failure later can simply be retried
    em.remove(face);
    outcome.afterCommit(() -> index.remove(tenantId.value(), faceId));
    audit.succeeded();
  }

  private void deleteQuietly(String key) {
    try {
      blobs.delete(key);
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "Could not remove the image " + key + " of a failed registration; remove it by hand");
    }
  }
}
