package org.facematch.retention.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.TenantId;
import org.facematch.retention.entity.PurgeRound;
import org.facematch.retention.entity.RetentionPolicy;
import org.facematch.schema.control.ScheduledJobs;

/**
 * Runs the retention purge once per interval on one node of the cluster: every node asks on its own
 * timer, and the node that claims the interval in the database purges every tenant. A tenant whose
 * round fails (the object store down) is tried again at the next interval; the other tenants go on.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class RetentionSchedule {

  static final String JOB = "retention";
  private static final System.Logger LOGGER = System.getLogger(RetentionSchedule.class.getName());

  @Inject Retention retention;
  @Inject ScheduledJobs jobs;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "facematch.retention.interval-seconds", defaultValue = "3600")
  long intervalSeconds;

  @Inject
  @ConfigProperty(name = "facematch.retention.batch", defaultValue = "500")
  int batch;

  @PostConstruct
  void schedule() {
    long tick = jobs.tickMillis(Duration.ofSeconds(intervalSeconds));
    timers.createIntervalTimer(tick, tick, new TimerConfig(JOB, false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    try {
      if (jobs.claim(JOB, Duration.ofSeconds(intervalSeconds), ScheduledJobs.node())) {
        purgeAll(Instant.now());
      }
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "The retention purge did not run this round: " + e);
    }
  }

  void purgeAll(Instant now) {
    Caller system = Caller.system(JOB);
    for (Map.Entry<TenantId, RetentionPolicy> tenant : retention.policies(system).entrySet()) {
      try {
        if (retention.due(system, tenant.getKey(), tenant.getValue(), now)) {
          report(retention.purge(system, tenant.getKey(), tenant.getValue(), now, batch));
        }
      } catch (RuntimeException e) {
        LOGGER.log(
            Level.WARNING,
            "The retention purge of tenant " + tenant.getKey().value() + " stopped: " + e);
      }
    }
    if (retention.installationDue(system, now)) {
      report(retention.purgeInstallation(system, now, batch));
    }
  }

  private static void report(PurgeRound round) {
    LOGGER.log(
        Level.INFO,
        "Retention purge of "
            + (round.tenantId() == null ? "the installation's own events" : round.tenantId())
            + ": "
            + round.auditedDetails().orElse(""));
  }
}
