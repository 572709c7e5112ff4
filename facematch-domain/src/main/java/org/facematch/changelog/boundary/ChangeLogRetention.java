package org.facematch.changelog.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the change log from growing with every face ever registered: entries older than the
 * retention are deleted, a batch every ten seconds on each node. A running node applies a change
 * within seconds; a node that was down for longer than the retention finds the log no longer
 * reaches back to its index, and rebuilds the index from the database.
 */
@Singleton
public class ChangeLogRetention {

  static final int BATCH = 10_000;
  private static final System.Logger LOGGER = System.getLogger(ChangeLogRetention.class.getName());

  @Inject ChangeLog log;

  @Inject
  @ConfigProperty(name = "facematch.changelog.retention-hours", defaultValue = "168")
  long retentionHours;

  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
  void prune() {
    try {
      int deleted = log.prune(Instant.now().minus(Duration.ofHours(retentionHours)), BATCH);
      if (deleted > 0) {
        LOGGER.log(
            Level.INFO, "Deleted {0} change log entries older than {1} h", deleted, retentionHours);
      }
    } catch (RuntimeException e) {
      // another node deleting the same entries, or the database away for now: the next round
      // retries
      LOGGER.log(Level.WARNING, "The change log was not pruned this round: " + e);
    }
  }
}
