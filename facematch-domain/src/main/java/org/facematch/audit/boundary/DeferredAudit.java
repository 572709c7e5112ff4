package org.facematch.audit.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.facematch.audit.entity.AuditRecord;

/**
 * Audit events of refusals that come in floods (a tenant over its rate limit), written once a
 * second in one transaction instead of one commit each: a flood of refusals must not take the
 * database's commits, and the connections waiting for them, from other tenants' calls. Each refused
 * call still gets its own event. When more than {@link #MAX_PENDING} wait, the caller writes its
 * event itself, so nothing is dropped.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeferredAudit {

  static final int MAX_PENDING = 10_000;
  private static final int BATCH = 500;
  private static final System.Logger LOGGER = System.getLogger(DeferredAudit.class.getName());

  private final ConcurrentLinkedQueue<AuditRecord> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

  @Inject AuditLog log;

  /** Writes the event within about a second, or now when too many wait already. */
  public void write(AuditRecord record) {
    if (size.incrementAndGet() > MAX_PENDING) {
      size.decrementAndGet();
      log.writeAlone(record);
      return;
    }
    pending.add(record);
  }

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void flush() {
    while (!pending.isEmpty()) {
      List<AuditRecord> batch = new ArrayList<>(BATCH);
      AuditRecord next;
      while (batch.size() < BATCH && (next = pending.poll()) != null) {
        batch.add(next);
      }
      size.addAndGet(-batch.size());
      try {
        log.writeAllAlone(batch);
      } catch (RuntimeException e) {
        LOGGER.log(
            System.Logger.Level.ERROR, "Could not write " + batch.size() + " audit events", e);
        return;
      }
    }
  }

  @PreDestroy
  void drain() {
    flush();
  }
}
