package org.facematch.schema.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Work that one node of the cluster does per interval (the retention purge, signing the audit
 * chains' heads). Every node asks on its own timer; the one whose update moves the job's next run
 * forward does it, in the database that all nodes share, so no grid member or lock service has to
 * be up. A node that dies in the middle leaves the rest to the next interval's node; each such job
 * is safe to run again.
 */
@ApplicationScoped
public class ScheduledJobs {

  @PersistenceContext EntityManager em;

  /** How often each node asks whether a job is due; at most as often as the job runs. */
  @Inject
  @ConfigProperty(name = "facematch.jobs.tick-seconds", defaultValue = "60")
  long tickSeconds;

  /** The timer interval, in ms, at which a job running every {@code interval} is asked for. */
  public long tickMillis(Duration interval) {
    return Math.max(1, Math.min(tickSeconds, interval.toSeconds())) * 1000;
  }

  /**
   * @return whether this node runs the job now; committed before the job's work begins
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(String job, Duration interval, String node) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UtcInstantConverter utc = new UtcInstantConverter();
    return em.createNativeQuery(
                "UPDATE scheduled_jobs SET next_run_at = ?1, claimed_by = ?2, claimed_at = ?3"
                    + " WHERE name = ?4 AND next_run_at <= ?3")
            .setParameter(1, utc.convertToDatabaseColumn(now.plus(interval)))
            .setParameter(2, node)
            .setParameter(3, utc.convertToDatabaseColumn(now))
            .setParameter(4, job)
            .executeUpdate()
        == 1;
  }

  /** This node, as a claim records it: the Payara instance and its process. */
  public static String node() {
    return System.getProperty("com.sun.aas.instanceName", "server")
        + "@"
        + ProcessHandle.current().pid();
  }
}
