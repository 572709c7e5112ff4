package org.facematch.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.facematch.audit.control.AuditChains;
import org.facematch.audit.control.AuditKeys;
import org.facematch.audit.control.ChainPurge;
import org.facematch.audit.control.ChainReader;
import org.facematch.audit.entity.AuditEntry;
import org.facematch.audit.entity.AuditFilter;
import org.facematch.audit.entity.AuditRecord;
import org.facematch.audit.entity.ChainVerdict;
import org.facematch.audit.entity.ChainedEvent;
import org.facematch.audit.entity.Operation;
import org.facematch.audit.entity.OperationCount;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;

/**
 * The audit trail: one event per operation, allowed or refused, written by {@link AuditInterceptor}
 * (and by the API for requests refused before any operation), and read page by page by the console.
 * Tenant admins see only their own tenant's events, whatever filter they send.
 */
@Stateless
public class AuditLog {

  static final int EXPORT_PAGE = 1000;

  @PersistenceContext EntityManager em;
  @Inject AuditChains chains;
  @Inject ChainPurge purge;
  @Inject AuditKeys keys;

  @Resource(lookup = "java:app/jdbc/facematch")
  DataSource database;

  /** Writes one event in the caller's transaction, or in its own when there is none. */
  public void write(AuditRecord record) {
    chains.append(List.of(record));
  }

  /** Writes events in one transaction of their own, one commit for all. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void writeAllAlone(List<AuditRecord> records) {
    chains.append(records);
  }

  /** Writes one event in a transaction of its own: for operations whose transaction rolls back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void writeAlone(AuditRecord record) {
    chains.append(List.of(record));
  }

  /**
   * Checks a tenant's chain of events from its first kept event (or signed anchor) to its head, and
   * names the first broken link: an event changed, removed or inserted behind FaceMatch's back.
   */
  @Audited(Operation.AUDIT_VERIFY)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ChainVerdict verify(Caller caller, TenantId tenant) {
    try (Connection connection = database.getConnection()) {
      return ChainReader.verify(connection, tenant.value(), keys.trusted());
    } catch (SQLException e) {
      throw new FaceMatchException(
          Problem.STORAGE_UNAVAILABLE, "The audit trail cannot be read now; retry later");
    }
  }

  /** Whether events of the tenant (or of no tenant) occurred before {@code before}. */
  @Audited(Operation.RETENTION_SCAN)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean due(Caller system, Optional<TenantId> tenant, Instant before) {
    return purge.due(chainOf(tenant), before);
  }

  /**
   * Removes the events of the tenant (or of no tenant) that occurred before {@code before}, {@code
   * batch} in each transaction, so that the rest of the chain still verifies.
   */
  @Audited(Operation.RETENTION_SCAN)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long purge(Caller system, Optional<TenantId> tenant, Instant before, int batch) {
    long removed = 0;
    int round;
    do {
      round = purge.purge(chainOf(tenant), before, batch);
      removed += round;
    } while (round == batch);
    return removed;
  }

  private static String chainOf(Optional<TenantId> tenant) {
    return tenant.map(TenantId::value).orElse(ChainedEvent.INSTALLATION);
  }

  /** Newest first. */
  @Audited(Operation.READ_AUDIT_LOG)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditEntry> page(Caller actor, AuditFilter filter, int offset, int limit) {
    return query(
            AuditEntry.class,
            "SELECT NEW "
                + AuditEntry.class.getName()
                + "(e.id, e.occurredAt, e.tenantId, e.actor, e.operation, e.outcome, e.faceIds, e.similarity,"
                + " e.processingMs, e.requestId, e.details) FROM AuditEvent e",
            scoped(actor, filter),
            " ORDER BY e.occurredAt DESC, e.id DESC")
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Audited(Operation.READ_AUDIT_LOG)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public int count(Caller actor, AuditFilter filter) {
    return query(Long.class, "SELECT COUNT(e) FROM AuditEvent e", scoped(actor, filter), "")
        .getSingleResult()
        .intValue();
  }

  /**
   * Hands every matching event to {@code sink}, newest first, in pages walked by id so the cost per
   * page stays flat however deep the export goes.
   */
  @Audited(Operation.READ_AUDIT_LOG)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public void export(Caller actor, AuditFilter filter, Consumer<List<AuditEntry>> sink) {
    AuditFilter scoped = scoped(actor, filter);
    long below = Long.MAX_VALUE;
    while (true) {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("below", below);
      List<AuditEntry> page =
          query(
                  AuditEntry.class,
                  "SELECT NEW "
                      + AuditEntry.class.getName()
                      + "(e.id, e.occurredAt, e.tenantId, e.actor, e.operation, e.outcome, e.faceIds, e.similarity,"
                      + " e.processingMs, e.requestId, e.details) FROM AuditEvent e",
                  scoped,
                  " AND e.id < :below ORDER BY e.id DESC",
                  extra)
              .setMaxResults(EXPORT_PAGE)
              .getResultList();
      if (page.isEmpty()) {
        return;
      }
      sink.accept(page);
      if (page.size() < EXPORT_PAGE) {
        return;
      }
      below = page.get(page.size() - 1).id();
      em.clear();
    }
  }

  /** Events of one tenant since a moment, by operation and outcome (the dashboard's chart). */
  @Audited(Operation.READ_OPERATIONS)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<OperationCount> operationsSince(Caller actor, TenantId tenantId, Instant since) {
    return em.createQuery(
            "SELECT NEW "
                + OperationCount.class.getName()
                + "(e.operation, e.outcome, COUNT(e)) FROM AuditEvent e"
                + " WHERE e.tenantId = :tenant AND e.occurredAt >= :since GROUP BY e.operation, e.outcome"
                + " ORDER BY e.operation, e.outcome",
            OperationCount.class)
        .setParameter("tenant", tenantId.value())
        .setParameter("since", since)
        .getResultList();
  }

  private static AuditFilter scoped(Caller actor, AuditFilter filter) {
    return actor.isSupport() ? filter : filter.forTenant(actor.actingTenant().value());
  }

  private <T> TypedQuery<T> query(Class<T> type, String select, AuditFilter f, String tail) {
    return query(type, select, f, tail, Map.of());
  }

  private <T> TypedQuery<T> query(
      Class<T> type, String select, AuditFilter f, String tail, Map<String, Object> extra) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>(extra);
    where.add("1 = 1");
    condition(where, params, "e.tenantId = :tenant", "tenant", f.tenantId());
    condition(where, params, "e.operation = :operation", "operation", f.operation());
    condition(where, params, "e.outcome = :outcome", "outcome", f.outcome());
    condition(where, params, "e.actor = :actor", "actor", f.actor());
    condition(where, params, "e.occurredAt >= :from", "from", f.from());
    condition(where, params, "e.occurredAt < :to", "to", f.to());
    TypedQuery<T> query =
        em.createQuery(select + " WHERE " + String.join(" AND ", where) + tail, type);
    params.forEach(query::setParameter);
    return query;
  }

  private static void condition(
      List<String> where, Map<String, Object> params, String clause, String name, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return;
    }
    where.add(clause);
    params.put(name, value instanceof String s ? s.strip() : value);
  }
}
