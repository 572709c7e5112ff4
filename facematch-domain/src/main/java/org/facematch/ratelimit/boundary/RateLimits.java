package org.facematch.ratelimit.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Optional;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.AuditNote;
import org.facematch.audit.entity.Operation;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.ratelimit.control.RateBuckets;
import org.facematch.ratelimit.entity.Admission;
import org.facematch.ratelimit.entity.RateClass;
import org.facematch.ratelimit.entity.RateQuotas;
import org.facematch.ratelimit.entity.TenantRateLimits;
import org.facematch.ratelimit.entity.TunedQuotas;

/**
 * Per-tenant request quotas: the API admits each call against its tenant's quota for the call's
 * {@link RateClass}; support staff set the quotas in the console. The grid holds each tenant's
 * quotas for counting; a change is dropped from it on commit, so it holds for the next request on
 * every node.
 */
@Stateless
public class RateLimits {

  @PersistenceContext EntityManager em;
  @Inject RateBuckets buckets;
  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Counts one call of a tenant, as its validated token names it, before anything else is read: a
   * tenant over its quota costs no database work, whatever it sends.
   *
   * @return the admission, also when refused, for the response's rate-limit header fields
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Admission admit(TenantId tenant, Operation operation) {
    TunedQuotas tuned =
        buckets.quotasOf(
            tenant,
            () ->
                Optional.ofNullable(em.find(TenantRateLimits.class, tenant.value()))
                    .map(TenantRateLimits::tuned)
                    .orElse(TunedQuotas.DEFAULTS));
    RateClass rateClass = RateClass.of(operation);
    return buckets.take(tenant, rateClass, tuned.quotas().perMinute(rateClass), tuned.revision());
  }

  /** The refusal of an admission that was not admitted. */
  public static FaceMatchException refusal(Admission admission) {
    return new FaceMatchException(
        Problem.RATE_LIMITED,
        "The tenant's "
            + admission.rateClass().policy()
            + " quota of "
            + admission.quota()
            + " requests per "
            + admission.windowSeconds()
            + " s is used up; retry after "
            + admission.retryAfterSeconds()
            + " s");
  }

  @Audited(Operation.READ_RATE_LIMITS)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public RateQuotas quotasOf(Caller caller, TenantId tenant) {
    return Optional.ofNullable(em.find(TenantRateLimits.class, tenant.value()))
        .map(TenantRateLimits::quotas)
        .orElse(RateQuotas.DEFAULTS);
  }

  @Audited(Operation.RATE_LIMITS_UPDATE)
  public AuditNote update(Caller caller, TenantId tenant, RateQuotas wanted) {
    // The tenant's row serialises concurrent first changes, which would both insert.
    if (em.createNativeQuery("SELECT id FROM tenants WHERE id = ? FOR UPDATE")
        .setParameter(1, tenant.value())
        .getResultList()
        .isEmpty()) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "No tenant " + tenant.value());
    }
    TenantRateLimits row = em.find(TenantRateLimits.class, tenant.value());
    RateQuotas before = row == null ? RateQuotas.DEFAULTS : row.quotas();
    String changes = wanted.changesFrom(before);
    if (changes.isEmpty()) {
      return AuditNote.of("unchanged");
    }
    if (row == null) {
      row = new TenantRateLimits(tenant.value());
      row.change(wanted, caller.name(), Instant.now());
      em.persist(row);
    } else {
      row.change(wanted, caller.name(), Instant.now());
    }
    // Forgotten once the change is committed, so that no node reads the old quota back in.
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            buckets.forgetQuotas(tenant);
          }
        });
    return AuditNote.of(changes);
  }
}
