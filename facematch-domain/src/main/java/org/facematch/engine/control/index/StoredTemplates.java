package org.facematch.engine.control.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facematch.engine.entity.Embedding;
import org.facematch.storage.control.TemplateCipher;

/**
 * The engine's templates as the database keeps them, in the faces table beside the collection's
 * columns, sealed at rest and opened here. They are read by column so that the engine does not
 * depend on the collection's entity.
 */
@ApplicationScoped
public class StoredTemplates {

  @PersistenceContext EntityManager em;
  @Inject TemplateCipher templates;

  /**
   * Tenants with at least one face of the model: one index probe per tenant, never a scan of the
   * faces (a DISTINCT over them read every row, 96 s at a million faces).
   */
  public List<String> tenants(String model) {
    @SuppressWarnings("unchecked")
    List<String> tenants =
        em.createNativeQuery(
                "SELECT t.id FROM tenants t WHERE EXISTS (SELECT 1 FROM faces f"
                    + " WHERE f.tenant_id = t.id AND f.model_version = ?1)")
            .setParameter(1, model)
            .getResultList();
    return tenants;
  }

  /** The templates of the given faces that still exist, by face id. */
  public Map<String, float[]> of(String tenant, String model, Collection<String> faceIds) {
    Map<String, float[]> vectors = new HashMap<>();
    if (faceIds.isEmpty()) {
      return vectors;
    }
    List<String> ids = List.copyOf(faceIds);
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      in.append(i == 0 ? "?" : ", ?").append(i + 3);
    }
    var query =
        em.createNativeQuery(
                "SELECT id, embedding, embedding_key_id FROM faces WHERE tenant_id = ?1"
                    + " AND model_version = ?2 AND embedding IS NOT NULL AND id IN ("
                    + in
                    + ")")
            .setParameter(1, tenant)
            .setParameter(2, model);
    for (int i = 0; i < ids.size(); i++) {
      query.setParameter(i + 3, ids.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    for (Object[] row : rows) {
      vectors.put((String) row[0], vector(tenant, model, row));
    }
    return vectors;
  }

  /** A page of the tenant's templates in face id order, after the given id. */
  public Map<String, float[]> page(String tenant, String model, String afterId, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, embedding, embedding_key_id FROM faces WHERE tenant_id = ?1"
                    + " AND model_version = ?2 AND id > ?3 AND embedding IS NOT NULL ORDER BY id")
            .setParameter(1, tenant)
            .setParameter(2, model)
            .setParameter(3, afterId)
            .setMaxResults(limit)
            .getResultList();
    Map<String, float[]> page = new LinkedHashMap<>();
    for (Object[] row : rows) {
      page.put((String) row[0], vector(tenant, model, row));
    }
    em.clear();
    return page;
  }

  /** A row of id, stored template and the id of the key that sealed it. */
  private float[] vector(String tenant, String model, Object[] row) {
    String faceId = (String) row[0];
    byte[] template = templates.open(tenant, faceId, (String) row[2], (byte[]) row[1]);
    return Embedding.fromBytes(template, model).vector();
  }
}
