package org.facematch.collection.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.Operation;
import org.facematch.collection.entity.ErasedSession;
import org.facematch.collection.entity.Face;
import org.facematch.collection.entity.SessionFace;
import org.facematch.collection.entity.SessionFaces;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;

/**
 * A session's faces as one subject's data: what is kept of them, and its erasure on request. A
 * disabled tenant may still do both: a subject's rights do not end with the tenant's subscription.
 */
@Stateless
public class Sessions {

  /** Faces removed per round before the session is read again; each face is its own transaction. */
  static final int ROUND = 100;

  @PersistenceContext EntityManager em;
  @Inject FaceCollections collections;

  @Audited(Operation.LIST_SESSION_FACES)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public SessionFaces faces(Caller caller, String sessionId) {
    TenantId tenant = caller.actingTenant();
    return new SessionFaces(
        valid(sessionId),
        em.createNamedQuery(Face.OF_SESSION, SessionFace.class)
            .setParameter("tenantId", tenant.value())
            .setParameter("sessionId", sessionId)
            .getResultList());
  }

  /**
   * Removes every face of the session, each through the one routine that removes every trace of a
   * face, in a transaction of its own. A failure part way (the object store down) ends the call
   * with that failure: what was removed stays removed, the rest stays listed, and calling again
   * goes on where this call stopped. So the answer names every face removed, and only a call that
   * found nothing left answers that the session is erased. A face registered into the session while
   * it is erased is removed too, or, registered after the last round, answered by its own
   * registration.
   */
  @Audited(Operation.ERASE_SESSION)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ErasedSession erase(Caller caller, String sessionId) {
    TenantId tenant = caller.actingTenant();
    valid(sessionId);
    List<String> removed = new ArrayList<>();
    while (true) {
      List<String> ids =
          em.createNamedQuery(Face.IDS_OF_SESSION, String.class)
              .setParameter("tenantId", tenant.value())
              .setParameter("sessionId", sessionId)
              .setMaxResults(ROUND)
              .getResultList();
      em.clear();
      if (ids.isEmpty()) {
        return new ErasedSession(sessionId, List.copyOf(removed));
      }
      for (String id : ids) {
        try {
          collections.delete(caller, id);
          removed.add(id);
        } catch (FaceMatchException e) {
          if (e.problem() != Problem.FACE_NOT_FOUND) {
            throw e;
          }
          // removed meanwhile by another call: gone either way
        }
      }
    }
  }

  private static String valid(String sessionId) {
    if (sessionId == null || !FaceCollections.SESSION_ID.matcher(sessionId).matches()) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "session_id must be 1-128 letters, digits or . _ : @ -");
    }
    return sessionId;
  }
}
