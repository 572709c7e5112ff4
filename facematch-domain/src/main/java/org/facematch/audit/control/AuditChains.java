package org.facematch.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.facematch.audit.entity.AuditRecord;
import org.facematch.audit.entity.ChainedEvent;
import org.facematch.schema.control.UtcInstantConverter;

/**
 * Writes audit events into their tenant's hash chain. The events of a transaction are collected
 * while its audited operations run and chained when the outermost of them ends, just before the
 * commit: the chain's row is locked only for that last moment, and a failure's event, written in a
 * transaction of its own, never waits for a lock its suspended operation holds. Chains are locked
 * in the order of their keys, so transactions that write events of several tenants (batched
 * refusals) cannot deadlock on them. The sequence is taken under that lock, so a chain's events
 * commit in the order of their sequence, without gaps.
 */
@ApplicationScoped
public class AuditChains {

  private static final Object STATE = AuditChains.class.getName() + ".state";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  private static final class State {
    int depth;
    final List<ChainedEvent> pending = new ArrayList<>();
  }

  /** An audited operation begins in the current transaction, if there is one. */
  public void enter() {
    State state = state();
    if (state != null) {
      state.depth++;
    }
  }

  /**
   * An audited operation ended well. When it was the outermost of its transaction, the
   * transaction's events are chained now.
   */
  public void leave() {
    State state = state();
    if (state != null && --state.depth == 0) {
      flush(state);
    }
  }

  /** An audited operation failed: its transaction's events roll back with it. */
  public void abandon() {
    State state = state();
    if (state != null) {
      state.depth--;
    }
  }

  /**
   * Files the events in the current transaction: chained when its outermost audited operation ends,
   * or at once when none is running.
   */
  public void append(List<AuditRecord> records) {
    State state = state();
    if (state == null) {
      throw new IllegalStateException("Audit events are written in a transaction");
    }
    Instant now = Instant.now();
    records.forEach(record -> state.pending.add(ChainedEvent.unlinked(record, now)));
    if (state.depth == 0) {
      flush(state);
    }
  }

  private State state() {
    if (transactions.getTransactionKey() == null) {
      return null;
    }
    State state = (State) transactions.getResource(STATE);
    if (state == null) {
      state = new State();
      transactions.putResource(STATE, state);
    }
    return state;
  }

  private void flush(State state) {
    Map<String, List<ChainedEvent>> byChain = new TreeMap<>();
    state.pending.forEach(e -> byChain.computeIfAbsent(e.chain(), c -> new ArrayList<>()).add(e));
    state.pending.clear();
    byChain.forEach(this::write);
  }

  private void write(String chain, List<ChainedEvent> events) {
    int count = events.size();
    em.createNativeQuery(
            "INSERT INTO audit_chains (chain_key, last_seq, last_hash, unchained_through)"
                + " VALUES (?1, ?2, ?3, 0) ON DUPLICATE KEY UPDATE last_seq = last_seq + ?2")
        .setParameter(1, chain)
        .setParameter(2, count)
        .setParameter(3, ChainedEvent.GENESIS)
        .executeUpdate();
    Object[] head =
        (Object[])
            em.createNativeQuery(
                    "SELECT last_seq, last_hash FROM audit_chains WHERE chain_key = ?1")
                .setParameter(1, chain)
                .getSingleResult();
    long seq = ((Number) head[0]).longValue() - count + 1;
    String prev = (String) head[1];
    UtcInstantConverter utc = new UtcInstantConverter();
    for (ChainedEvent unlinked : events) {
      ChainedEvent event = unlinked.linked(seq++, prev);
      em.createNativeQuery(
              "INSERT INTO audit_events (occurred_at, tenant_id, actor, operation, outcome,"
                  + " face_ids, similarity, processing_ms, request_id, details, seq, prev_hash,"
                  + " hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
          .setParameter(1, utc.convertToDatabaseColumn(event.occurredAt()))
          .setParameter(2, event.tenantId())
          .setParameter(3, event.actor())
          .setParameter(4, event.operation())
          .setParameter(5, event.outcome())
          .setParameter(6, event.faceIds())
          .setParameter(7, event.similarity())
          .setParameter(8, event.processingMs())
          .setParameter(9, event.requestId())
          .setParameter(10, event.details())
          .setParameter(11, event.seq())
          .setParameter(12, event.prevHash())
          .setParameter(13, event.hash())
          .executeUpdate();
      prev = event.hash();
    }
    em.createNativeQuery("UPDATE audit_chains SET last_hash = ?1 WHERE chain_key = ?2")
        .setParameter(1, prev)
        .setParameter(2, chain)
        .executeUpdate();
  }
}
