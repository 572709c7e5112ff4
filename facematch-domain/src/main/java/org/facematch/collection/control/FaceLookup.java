package org.facematch.collection.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.regex.Pattern;
import org.facematch.collection.entity.Face;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;

/**
 * Finds a tenant's face by id. Unknown ids, malformed ids and other tenants' ids are answered
 * alike, so no caller learns that another tenant's face exists.
 */
@ApplicationScoped
public class FaceLookup {

  private static final Pattern FACE_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @PersistenceContext EntityManager em;

  public Face find(TenantId tenantId, String faceId) {
    Face face =
        faceId != null && FACE_ID.matcher(faceId).matches() ? em.find(Face.class, faceId) : null;
    if (face == null || !face.tenantId().equals(tenantId.value())) {
      throw new FaceMatchException(
          Problem.FACE_NOT_FOUND, "No face " + faceId + " in this collection");
    }
    return face;
  }
}
