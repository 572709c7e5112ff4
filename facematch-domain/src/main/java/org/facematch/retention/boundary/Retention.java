package org.facematch.retention.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.AuditNote;
import org.facematch.audit.entity.Operation;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.retention.entity.PurgeRound;
import org.facematch.retention.entity.RetentionPolicy;
import org.facematch.retention.entity.TenantRetention;
import org.facematch.review.boundary.Reviews;

/**
 * Each tenant's retention schedule, and its purge. Support staff set the periods; tenant admins see
 * them. The purge removes what outlived them: faces with every trace, through the same routine as a
 * delete (each face in a transaction of its own, and audited on its own), review cases with their
 * kept search images, and audit events, always in bounded batches.
 */
@Stateless
public class Retention {

  @PersistenceContext EntityManager em;
  @Inject FaceCollections faces;
  @Inject Reviews reviews;
  @Inject AuditLog audit;

  @Audited(Operation.READ_RETENTION)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public RetentionPolicy policyOf(Caller caller, TenantId tenant) {
    return stored(tenant);
  }

  @Audited(Operation.RETENTION_UPDATE)
  public AuditNote update(Caller caller, TenantId tenant, RetentionPolicy wanted) {
    // The tenant's row serialises concurrent first changes, which would both insert.
    if (em.createNativeQuery("SELECT id FROM tenants WHERE id = ? FOR UPDATE")
        .setParameter(1, tenant.value())
        .getResultList()
        .isEmpty()) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "No tenant " + tenant.value());
    }
    TenantRetention row = em.find(TenantRetention.class, tenant.value());
    RetentionPolicy before = row == null ? RetentionPolicy.DEFAULTS : row.policy();
    String changes = wanted.changesFrom(before);
    if (changes.isEmpty()) {
      return AuditNote.of("unchanged");
    }
    if (row == null) {
      row = new TenantRetention(tenant.value());
      row.change(wanted, caller.name(), Instant.now());
      em.persist(row);
    } else {
      row.change(wanted, caller.name(), Instant.now());
    }
    return AuditNote.of(changes);
  }

  /** Every tenant's schedule, the defaults for those support has not set. */
  @Audited(Operation.RETENTION_SCAN)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<TenantId, RetentionPolicy> policies(Caller system) {
    Map<String, RetentionPolicy> set = new LinkedHashMap<>();
    em.createQuery("SELECT r FROM TenantRetention r", TenantRetention.class)
        .getResultStream()
        .forEach(row -> set.put(row.tenantId(), row.policy()));
    Map<TenantId, RetentionPolicy> all = new LinkedHashMap<>();
    for (Object id : em.createNativeQuery("SELECT id FROM tenants ORDER BY id").getResultList()) {
      all.put(new TenantId((String) id), set.getOrDefault((String) id, RetentionPolicy.DEFAULTS));
    }
    return all;
  }

  /**
   * Whether anything of the tenant outlived its schedule: a few index probes, so rounds with
   * nothing to do leave no audit event.
   */
  @Audited(Operation.RETENTION_SCAN)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean due(Caller system, TenantId tenant, RetentionPolicy policy, Instant now) {
    return !faces.registeredBefore(system, tenant, policy.facesRegisteredBefore(now), 1).isEmpty()
        || reviews.due(
            system, tenant, policy.reviewsDecidedBefore(now), policy.facesRegisteredBefore(now))
        || audit.due(system, Optional.of(tenant), policy.auditBefore(now));
  }

  /**
   * Removes what outlived the tenant's schedule, {@code batch} at a time, until nothing is due. A
   * failure part way (the object store down) ends the round with that failure; what was removed
   * stays removed, and the next round goes on.
   */
  @Audited(Operation.RETENTION_PURGE)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public PurgeRound purge(
      Caller system, TenantId tenant, RetentionPolicy policy, Instant now, int batch) {
    List<String> removed = new ArrayList<>();
    List<String> due;
    do {
      due = faces.registeredBefore(system, tenant, policy.facesRegisteredBefore(now), batch);
      for (String faceId : due) {
        try {
          faces.expire(system, tenant, faceId);
          removed.add(faceId);
        } catch (FaceMatchException e) {
          if (e.problem() != Problem.FACE_NOT_FOUND) {
            throw e;
          }
          // deleted meanwhile by its tenant: gone either way
        }
      }
    } while (due.size() == batch);
    int reviewCases = 0;
    int round;
    do {
      round =
          reviews.expire(
              system,
              tenant,
              policy.reviewsDecidedBefore(now),
              policy.facesRegisteredBefore(now),
              batch);
      reviewCases += round;
    } while (round == batch);
    long auditEvents = audit.purge(system, Optional.of(tenant), policy.auditBefore(now), batch);
    return new PurgeRound(tenant.value(), List.copyOf(removed), reviewCases, auditEvents);
  }

  /**
   * Removes the audit events of no tenant (refused tokens, unknown paths) that outlived the
   * installation's default schedule.
   */
  @Audited(Operation.RETENTION_PURGE)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public PurgeRound purgeInstallation(Caller system, Instant now, int batch) {
    return new PurgeRound(
        null,
        List.of(),
        0,
        audit.purge(system, Optional.empty(), RetentionPolicy.DEFAULTS.auditBefore(now), batch));
  }

  /** Whether {@link #purgeInstallation} has anything to remove. */
  @Audited(Operation.RETENTION_SCAN)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean installationDue(Caller system, Instant now) {
    return audit.due(system, Optional.empty(), RetentionPolicy.DEFAULTS.auditBefore(now));
  }

  private RetentionPolicy stored(TenantId tenant) {
    return Optional.ofNullable(em.find(TenantRetention.class, tenant.value()))
        .map(TenantRetention::policy)
        .orElse(RetentionPolicy.DEFAULTS);
  }
}
