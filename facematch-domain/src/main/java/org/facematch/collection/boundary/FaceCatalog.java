package org.facematch.collection.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.collection.control.FaceLookup;
import org.facematch.collection.control.FaceRemoval;
import org.facematch.collection.entity.Face;
import org.facematch.collection.entity.FaceCounts;
import org.facematch.collection.entity.FaceRow;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.storage.control.BlobStore;
import org.facematch.tenant.boundary.TenantAdministration;
import org.facematch.tenant.entity.ConsoleActor;
import org.facematch.tenant.entity.TenantId;

/**
 * A tenant's faces as its own admins manage them in the console: list, look at, blacklist, take
 * off the blacklist, delete. Support staff get none of this (see {@link
 * ConsoleActor#requireOwnTenant}): they see counts and settings, never faces.
 */
@Stateless
public class FaceCatalog {

  public static final String BLACKLISTED = "CONSOLE_BLACKLIST";
  public static final String UNBLACKLISTED = "CONSOLE_UNBLACKLIST";
  public static final String DELETED = "CONSOLE_DELETE_FACE";
  static final int MAX_THUMBNAIL_BYTES = 15 * 1024 * 1024;
  static final int MAX_REASON = 500;
  private static final System.Logger LOGGER = System.getLogger(FaceCatalog.class.getName());

  @PersistenceContext EntityManager em;
  @Inject FaceLookup faces;
  @Inject FaceRemoval removal;
  @Inject BlobStore blobs;
  @Inject AuditLog audit;
  @Inject TenantAdministration tenants;

  /** Newest first; {@code sessionFilter} matches session ids by prefix. */
  public List<FaceRow> page(ConsoleActor actor, TenantId tenantId, String sessionFilter, int offset, int limit) {
    actor.requireOwnTenant(tenantId);
    return em.createNamedQuery(Face.ROWS_BY_TENANT, FaceRow.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("session", prefix(sessionFilter))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public int count(ConsoleActor actor, TenantId tenantId, String sessionFilter) {
    actor.requireOwnTenant(tenantId);
    return em.createNamedQuery(Face.COUNT_ROWS_BY_TENANT, Long.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("session", prefix(sessionFilter))
        .getSingleResult()
        .intValue();
  }

  /** Counts only, so support staff may see them too: faces and blacklisted faces. */
  public FaceCounts counts(ConsoleActor actor, TenantId tenantId) {
    actor.requireTenant(tenantId);
    Object[] row =
        em.createNamedQuery(Face.COUNTS_BY_TENANT, Object[].class).setParameter("tenantId", tenantId.value()).getSingleResult();
    return new FaceCounts(row[0] == null ? 0 : ((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue());
  }

  /** The registered image, read from the object store on demand; empty when it is gone. */
  public Optional<byte[]> image(ConsoleActor actor, TenantId tenantId, String faceId) {
    actor.requireOwnTenant(tenantId);
    Face face = faces.find(tenantId, faceId);
    LOGGER.log(Level.DEBUG, "Console user {0} views face {1}", actor.name(), faceId);
    return blobs.get(face.s3Key(), MAX_THUMBNAIL_BYTES);
  }

  public void blacklist(ConsoleActor actor, TenantId tenantId, String faceId, String reason) {
    actor.requireOwnTenant(tenantId);
    if (!tenants.settings(actor, tenantId).settings().enableBlacklist()) {
      throw new FaceMatchException(Problem.FEATURE_NOT_ENABLED, "The blacklist is disabled for this tenant");
    }
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "A reason is required, at most " + MAX_REASON + " characters");
    }
    Face face = faces.find(tenantId, faceId);
    face.blacklist(reason.strip(), actor.name());
    audit.record(tenantId.value(), actor.name(), BLACKLISTED, "OK", List.of(faceId), "reason: " + reason.strip());
  }

  public void removeFromBlacklist(ConsoleActor actor, TenantId tenantId, String faceId) {
    actor.requireOwnTenant(tenantId);
    Face face = faces.find(tenantId, faceId);
    String reason = face.blacklistState().reason();
    face.removeFromBlacklist();
    audit.record(tenantId.value(), actor.name(), UNBLACKLISTED, "OK", List.of(faceId), "was: " + reason);
  }

  /** Removes every trace of a face: image, engine entry and row, as the API's delete does. */
  public void delete(ConsoleActor actor, TenantId tenantId, String faceId) {
    actor.requireOwnTenant(tenantId);
    Face face = faces.find(tenantId, faceId);
    removal.remove(face);
    audit.record(tenantId.value(), actor.name(), DELETED, "OK", List.of(faceId), "session: " + face.sessionId());
  }

  /** The ids of a session's faces, for a bulk delete that goes one face (one transaction) at a time. */
  public List<String> faceIdsOfSession(ConsoleActor actor, TenantId tenantId, String sessionId) {
    actor.requireOwnTenant(tenantId);
    return em.createNamedQuery(Face.ROWS_BY_TENANT, FaceRow.class)
        .setParameter("tenantId", tenantId.value())
        .setParameter("session", escape(sessionId == null ? "" : sessionId.strip()))
        .getResultStream()
        .map(FaceRow::faceId)
        .toList();
  }

  private static String prefix(String filter) {
    return escape(filter == null ? "" : filter.strip()) + "%";
  }

  private static String escape(String literal) {
    return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
