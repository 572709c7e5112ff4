package org.facematch.audit.boundary;

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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.facematch.audit.control.AuditKeys;
import org.facematch.audit.control.ChainDigests;
import org.facematch.audit.control.ChainReader;
import org.facematch.schema.control.ScheduledJobs;

/**
 * Signs every chain's head once per interval (an hour by default), on one node of the cluster: a
 * rewrite of the audit trail after its head was signed shows, hashes and all. Signing is not an
 * audited operation: its own event would move the head it signs.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class AuditDigestSchedule {

  static final String JOB = "audit-digest";
  private static final System.Logger LOGGER = System.getLogger(AuditDigestSchedule.class.getName());

  @Inject ChainDigests digests;
  @Inject ScheduledJobs jobs;
  @Inject AuditKeys keys;
  @Resource TimerService timers;

  @Resource(lookup = "java:app/jdbc/facematch")
  DataSource database;

  @Inject
  @ConfigProperty(name = "facematch.audit.digest-seconds", defaultValue = "3600")
  long intervalSeconds;

  @PostConstruct
  void schedule() {
    keys.signing(); // a missing or unreadable key is reported at start, not an hour later
    long tick = jobs.tickMillis(Duration.ofSeconds(intervalSeconds));
    timers.createIntervalTimer(tick, tick, new TimerConfig(JOB, false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    try {
      if (jobs.claim(JOB, Duration.ofSeconds(intervalSeconds), ScheduledJobs.node())) {
        signHeads();
      }
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "The audit chains' heads were not signed this round: " + e);
    }
  }

  void signHeads() {
    List<String> chains;
    try (Connection connection = database.getConnection()) {
      chains = ChainReader.chains(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the audit chains", e);
    }
    int signed = 0;
    for (String chain : chains) {
      if (digests.signHead(chain)) {
        signed++;
      }
    }
    if (signed > 0) {
      LOGGER.log(Level.DEBUG, "Signed the heads of {0} audit chains", signed);
    }
  }
}
