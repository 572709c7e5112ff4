package org.facematch.collection.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.Operation;
import org.facematch.collection.control.FaceLookup;
import org.facematch.collection.control.FaceRemoval;
import org.facematch.collection.entity.CollectionStatus;
import org.facematch.collection.entity.Face;
import org.facematch.collection.entity.FaceCounts;
import org.facematch.collection.entity.FaceImage;
import org.facematch.collection.entity.FaceRow;
import org.facematch.collection.entity.RegisteredFace;
import org.facematch.collection.entity.RemovedFace;
import org.facematch.engine.control.FaceEngine;
import org.facematch.engine.control.FaceEngines;
import org.facematch.engine.control.TakesEngineTurn;
import org.facematch.engine.entity.EngineCollection;
import org.facematch.engine.entity.Enrolment;
import org.facematch.image.control.EngineImage;
import org.facematch.image.control.ImageIntake;
import org.facematch.image.control.ImageLoader;
import org.facematch.image.entity.ImageFormat;
import org.facematch.image.entity.ImageInput;
import org.facematch.kernel.control.TransactionOutcome;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceEvent;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.kernel.entity.TenantSettings;
import org.facematch.storage.control.BlobStore;
import org.facematch.storage.control.StorageKeys;
import org.facematch.storage.control.TemplateCipher;
import org.facematch.storage.control.TemplateKeyring;
import org.facematch.tenant.entity.Tenant;

/**
 * Each tenant's collection of registered faces, for the API's back ends (register, delete, status)
 * and the tenant's own admins in the console (list, look at, delete). A registration either leaves
 * its row, its image and its engine entry all in place, or none of them. Support staff get counts,
 * never faces.
 */
@Stateless
public class FaceCollections {

  static final String NAME_PREFIX = "facematch-";
  public static final int MAX_METADATA_CHARS = 4096;

  /** Deeper JSON is refused here: the database refuses 32 levels and more at insert time. */
  public static final int MAX_METADATA_DEPTH = 16;

  static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
  private static final System.Logger LOGGER = System.getLogger(FaceCollections.class.getName());

  @PersistenceContext EntityManager em;
  @Inject FaceEngines engines;
  @Inject ImageLoader images;
  @Inject FaceLookup faces;
  @Inject FaceRemoval removal;
  @Inject BlobStore blobs;
  @Inject TemplateCipher templates;
  @Inject TransactionOutcome outcome;
  @Inject Event<FaceEvent> events;

  @Audited(Operation.COLLECTION_STATUS)
  public CollectionStatus status(Caller caller) {
    TenantId tenantId = caller.tenant();
    FaceEngine engine = engines.of(caller.enabledSettings().modelVersion());
    EngineCollection collection = engine.collection(tenantId.value());
    long count =
        collection
            .faceCount()
            .orElseGet(
                () ->
                    em.createNamedQuery(Face.COUNT_BY_TENANT, Long.class)
                        .setParameter("tenantId", tenantId.value())
                        .getSingleResult());
    return new CollectionStatus(
        NAME_PREFIX + tenantId.value(),
        count,
        CollectionStatus.ACTIVE,
        engine.choice().id(),
        collection.modelVersion());
  }

  /**
   * Registers the subject of the image for a session. The engine enrols the face and the image goes
   * to the object store; should anything after that fail (the session's limit, the database), both
   * are undone once the transaction has rolled back. Once it has committed, {@link
   * FaceEvent.Registered} puts the face into the local index.
   */
  @Audited(Operation.REGISTER)
  @TakesEngineTurn
  public RegisteredFace register(
      Caller caller, String sessionId, ImageInput image, String metadata) {
    TenantSettings settings = caller.enabledSettings();
    TenantId tenantId = caller.tenant();
    if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "session_id is required: 1-128 letters, digits or . _ : @ -");
    }
    if (metadata != null && metadata.length() > MAX_METADATA_CHARS) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER,
          "metadata may hold at most " + MAX_METADATA_CHARS + " characters of JSON");
    }
    if (metadata != null && Metadata.depth(metadata) > MAX_METADATA_DEPTH) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER,
          "metadata may nest at most " + MAX_METADATA_DEPTH + " levels of objects and arrays");
    }
    FaceEngine engine = engines.of(settings.modelVersion());
    EngineImage loaded = images.load(tenantId, image, "image");
    String faceId = UUID.randomUUID().toString();
    Enrolment enrolment = engine.enrol(tenantId.value(), loaded, faceId);
    outcome.afterRollback(() -> forgetQuietly(engine, tenantId, faceId, enrolment.engineFaceId()));
    byte[] bytes = loaded.bytes();
    ImageFormat format = loaded.format();
    String key = StorageKeys.face(tenantId, faceId, format.extension());
    blobs.put(key, bytes, format.mediaType());
    outcome.afterRollback(() -> deleteQuietly(key));

    // The row lock serialises a session's concurrent registrations, and the limit is read under it.
    Tenant tenant = em.find(Tenant.class, tenantId.value(), LockModeType.PESSIMISTIC_WRITE);
    long registered =
        em.createNamedQuery(Face.COUNT_BY_SESSION, Long.class)
            .setParameter("tenantId", tenantId.value())
            .setParameter("sessionId", sessionId)
            .getSingleResult();
    int limit = tenant.settings().maxFacesPerUser();
    if (registered >= limit) {
      throw new FaceMatchException(
          Problem.MAX_FACES_EXCEEDED,
          "Session " + sessionId + " already has " + registered + " of " + limit + " faces");
    }
    TemplateKeyring.Sealed template =
        templates.seal(tenantId.value(), faceId, enrolment.template());
    try {
      em.persist(
          new Face(
              faceId,
              tenantId.value(),
              sessionId,
              enrolment.engineFaceId(),
              key,
              metadata,
              engine.choice().id(),
              template.bytes(),
              template.keyId(),
              enrolment.quality()));
      em.flush(); // a failing insert surfaces here, as a retryable error, not at commit
    } catch (PersistenceException e) {
      LOGGER.log(Level.WARNING, "Storing face " + faceId + " failed: " + e.getMessage());
      throw new FaceMatchException(
          Problem.STORAGE_UNAVAILABLE,
          "The face could not be stored; nothing was kept. Retry later");
    }
    events.fire(
        new FaceEvent.Registered(tenantId, faceId, engine.choice().id(), enrolment.template()));
    return new RegisteredFace(
        faceId, enrolment.engineFaceId(), key, enrolment.quality(), enrolment.warnings());
  }

  /** Removes every trace of a face (see {@link FaceRemoval}). */
  @Audited(Operation.DELETE_FACE)
  public RemovedFace delete(Caller caller, String faceId) {
    return removal.remove(faces.find(caller.actingTenant(), faceId));
  }

  /** The ids of a tenant's faces registered before {@code cutoff}, oldest first. */
  @Audited(Operation.RETENTION_SCAN)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> registeredBefore(
      Caller system, TenantId tenantId, Instant cutoff, int limit) {
    return em.createNamedQuery(Face.IDS_REGISTERED_BEFORE, String.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("cutoff", cutoff)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Removes every trace of a face that outlived its tenant's retention (see {@link FaceRemoval}).
   */
  @Audited(Operation.RETENTION_DELETE_FACE)
  public RemovedFace expire(Caller system, TenantId tenantId, String faceId) {
    return removal.remove(faces.find(tenantId, faceId));
  }

  /** Newest first; {@code sessionFilter} matches session ids by prefix. */
  @Audited(Operation.LIST_FACES)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<FaceRow> page(
      Caller caller, TenantId tenantId, String sessionFilter, int offset, int limit) {
    return em.createNamedQuery(Face.ROWS_BY_TENANT, FaceRow.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("session", prefix(sessionFilter))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Audited(Operation.LIST_FACES)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public int count(Caller caller, TenantId tenantId, String sessionFilter) {
    return em.createNamedQuery(Face.COUNT_ROWS_BY_TENANT, Long.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("session", prefix(sessionFilter))
        .getSingleResult()
        .intValue();
  }

  /**
   * The ids of a session's faces, for a bulk delete that goes one face (one transaction) at a time.
   */
  @Audited(Operation.LIST_FACES)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> faceIdsOfSession(Caller caller, TenantId tenantId, String sessionId) {
    return em.createNamedQuery(Face.ROWS_BY_TENANT, FaceRow.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("session", escape(sessionId == null ? "" : sessionId.strip()))
        .getResultStream()
        .map(FaceRow::faceId)
        .toList();
  }

  /** Counts only, so support staff may see them too: faces and blacklisted faces. */
  @Audited(Operation.COUNT_FACES)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public FaceCounts counts(Caller caller, TenantId tenantId) {
    Object[] row =
        em.createNamedQuery(Face.COUNTS_BY_TENANT, Object[].class)
            .setParameter("tenantId", tenantId.value())
            .getSingleResult();
    return new FaceCounts(
        row[0] == null ? 0 : ((Number) row[0]).longValue(),
        row[1] == null ? 0 : ((Number) row[1]).longValue());
  }

  /** The number of faces of each listed tenant, for support staff's tenant list. */
  @Audited(Operation.LIST_TENANTS)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<String, Long> countsPerTenant(Caller caller, List<String> tenantIds) {
    Map<String, Long> counts = new HashMap<>();
    if (!tenantIds.isEmpty()) {
      em.createNamedQuery(Face.COUNT_PER_TENANT, Object[].class)
          .setParameter("ids", tenantIds)
          .getResultList()
          .forEach(row -> counts.put((String) row[0], (Long) row[1]));
    }
    return counts;
  }

  /** The registered image, read from the object store on demand; empty when it is gone. */
  @Audited(Operation.VIEW_FACE_IMAGE)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public FaceImage image(Caller caller, TenantId tenantId, String faceId) {
    Face face = faces.find(tenantId, faceId);
    return new FaceImage(
        face.id(), blobs.get(face.s3Key(), ImageIntake.MAX_STORED_BYTES).orElse(new byte[0]));
  }

  private static void forgetQuietly(
      FaceEngine engine, TenantId tenantId, String faceId, String engineFaceId) {
    try {
      engine.forget(tenantId.value(), faceId, engineFaceId);
    } catch (RuntimeException e) {
      LOGGER.log(
          Level.WARNING,
          "Could not remove face "
              + faceId
              + " of a failed registration from the engine "
              + engine.choice().id());
    }
  }

  private void deleteQuietly(String key) {
    try {
      blobs.delete(key);
    } catch (RuntimeException e) {
      LOGGER.log(
          Level.WARNING,
          "Could not remove the image " + key + " of a failed registration; remove it by hand");
    }
  }

  private static String prefix(String filter) {
    return escape(filter == null ? "" : filter.strip()) + "%";
  }

  private static String escape(String literal) {
    return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
