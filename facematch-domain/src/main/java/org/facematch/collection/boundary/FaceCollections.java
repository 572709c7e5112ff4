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
import org.facematch.collection.control.FaceLookup;
import org.facematch.collection.control.FaceRemoval;
import org.facematch.collection.control.ImageLoader;
import org.facematch.collection.control.StorageKeys;
import org.facematch.collection.control.TransactionOutcome;
import org.facematch.collection.entity.CollectionStatus;
import org.facematch.collection.entity.Face;
import org.facematch.collection.entity.ImageInput;
import org.facematch.collection.entity.RegisteredFace;
import org.facematch.engine.control.EngineImage;
import org.facematch.engine.control.FaceEngine;
import org.facematch.engine.control.FaceEngines;
import org.facematch.engine.control.ImageIntake;
import org.facematch.engine.entity.EngineCollection;
import org.facematch.engine.entity.Enrolment;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.storage.control.BlobStore;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.Roles;
import org.facematch.tenant.entity.Tenant;
import org.facematch.tenant.entity.TenantId;
import org.facematch.tenant.entity.TenantSettings;

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
  @Inject FaceEngines engines;
  @Inject ImageLoader images;
  @Inject FaceLookup faces;
  @Inject FaceRemoval removal;
  @Inject BlobStore blobs;
  @Inject AuditTrail audit;
  @Inject CallAudit call;
  @Inject TransactionOutcome outcome;

  @RolesAllowed(Roles.KYC_READ)
  public CollectionStatus status(TenantId tenantId) {
    TenantSettings settings = tenants.requireEnabled(tenantId);
    FaceEngine engine = engines.of(settings.modelVersion());
    EngineCollection collection = engine.collection(tenantId.value());
    long count =
        collection
            .faceCount()
            .orElseGet(
                () ->
                    em.createNamedQuery(Face.COUNT_BY_TENANT, Long.class)
                        .setParameter("tenantId", tenantId.value())
                        .getSingleResult());
    audit.succeeded();
    return new CollectionStatus(
        NAME_PREFIX + tenantId.value(), count, CollectionStatus.ACTIVE, engine.modelId(), collection.modelVersion());
  }

  /**
   * Registers the subject of the image for a session. The engine enrols the face and the image
   * goes to the object store; should anything after that fail (the session's limit, the
   * database), both are undone once the transaction has rolled back.
   */
  @RolesAllowed(Roles.KYC_CREATE)
  public RegisteredFace register(TenantId tenantId, String sessionId, ImageInput image, String metadata) {
    TenantSettings settings = tenants.requireEnabled(tenantId);
    if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "session_id is required: 1-128 letters, digits or . _ : @ -");
    }
    if (metadata != null && metadata.length() > MAX_METADATA_CHARS) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "metadata may hold at most " + MAX_METADATA_CHARS + " characters of JSON");
    }
    FaceEngine engine = engines.of(settings.modelVersion());
    EngineImage loaded = images.load(tenantId, image, "image");
    String faceId = UUID.randomUUID().toString();
    Enrolment enrolment = engine.enrol(tenantId.value(), loaded, faceId);
    outcome.afterRollback(() -> forgetQuietly(engine, tenantId, faceId, enrolment.engineFaceId()));
    byte[] bytes = loaded.bytes();
    String key = StorageKeys.face(tenantId, faceId, ImageIntake.extension(bytes));
    blobs.put(key, bytes, ImageIntake.mediaType(bytes));
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
    try {
      em.persist(
          new Face(faceId, tenantId.value(), sessionId, enrolment.engineFaceId(), key, metadata, engine.modelId(),
              enrolment.template(), enrolment.quality()));
      em.flush(); // a failing insert surfaces here, as a retryable error, not at commit
    } catch (PersistenceException e) {
      LOGGER.log(Level.WARNING, "Storing face " + faceId + " failed: " + e.getMessage());
      throw new FaceMatchException(Problem.STORAGE_UNAVAILABLE, "The face could not be stored; nothing was kept. Retry later");
    }
    call.face(faceId);
    audit.succeeded();
    return new RegisteredFace(faceId, enrolment.engineFaceId(), key, enrolment.quality(), enrolment.warnings());
  }

  /** Removes every trace of a face: image, row and index entry. */
  @RolesAllowed(Roles.KYC_CREATE)
  public void delete(TenantId tenantId, String faceId) {
    tenants.requireEnabled(tenantId);
    Face face = faces.find(tenantId, faceId);
    call.face(face.id());
    removal.remove(face);
    audit.succeeded();
  }

  private static void forgetQuietly(FaceEngine engine, TenantId tenantId, String faceId, String engineFaceId) {
    try {
      engine.forget(tenantId.value(), faceId, engineFaceId);
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "Could not remove face " + faceId + " of a failed registration from the engine " + engine.modelId());
    }
  }

  private void deleteQuietly(String key) {
    try {
      blobs.delete(key);
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "Could not remove the image " + key + " of a failed registration; remove it by hand");
    }
  }
}
