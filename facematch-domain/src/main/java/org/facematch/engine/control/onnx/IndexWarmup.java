package org.facematch.engine.control.onnx;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Fills the local engine's in-memory index from the database before the first request is served.
 * The templates are the engine's own, kept in the faces table beside the collection's columns; they
 * are read by column here so that the engine does not depend on the collection's entity.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class IndexWarmup {

  static final int PAGE = 2000;
  private static final System.Logger LOGGER = System.getLogger(IndexWarmup.class.getName());

  @PersistenceContext EntityManager em;
  @Inject LocalFaceEngine engine;

  @PostConstruct
  void load() {
    long begin = System.nanoTime();
    String after = "";
    int loaded = 0;
    while (true) {
      @SuppressWarnings("unchecked")
      List<Object[]> page =
          em.createNativeQuery(
                  "SELECT id, tenant_id, embedding FROM faces"
                      + " WHERE id > ?1 AND model_version = ?2 AND embedding IS NOT NULL ORDER BY id")
              .setParameter(1, after)
              .setParameter(2, LocalFaceEngine.ID)
              .setMaxResults(PAGE)
              .getResultList();
      for (Object[] row : page) {
        engine.restore((String) row[1], (String) row[0], (byte[]) row[2]);
      }
      loaded += page.size();
      if (page.size() < PAGE) {
        break;
      }
      after = (String) page.get(page.size() - 1)[0];
      em.clear();
    }
    LOGGER.log(
        Level.INFO,
        "Search index loaded: {0} faces in {1} ms",
        loaded,
        (System.nanoTime() - begin) / 1_000_000);
  }
}
