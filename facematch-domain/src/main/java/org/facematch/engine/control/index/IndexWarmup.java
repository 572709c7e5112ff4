package org.facematch.engine.control.index;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Opens this node's indexes before the first request is served, catches each up with its tenant's
 * change log (rebuilding those missing or damaged), then starts the feed that keeps them in step.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class IndexWarmup {

  private static final System.Logger LOGGER = System.getLogger(IndexWarmup.class.getName());

  @Inject IndexFeed feed;

  @PostConstruct
  void load() {
    long begin = System.nanoTime();
    int faces = feed.catchUpAll();
    feed.start();
    LOGGER.log(
        Level.INFO,
        "Search index ready: {0} faces in {1} ms",
        faces,
        (System.nanoTime() - begin) / 1_000_000);
  }
}
