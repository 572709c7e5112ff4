package org.facematch.ratelimit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

/**
 * Per-tenant request quotas: the API admits each call against its tenant's quota for the call's
 * {@link RateClass}; support staff set the quotas in the console. Quotas are read for every request
 * like the tenant's settings, so a change holds for the next request on every node.
 */
@Stateless
public class RateLimits {

  @PersistenceContext EntityManager em;
  @Inject RateBuckets buckets;

  /**
   * Counts one call of an authorized API caller.
   *
   * @return the admission, also when refused, for the response's rate-limit header fields
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Admission admit(Caller caller, Operation operation) {
    TenantId tenant = caller.actingTenant();
    Optional<TenantRateLimits> tuned =
        Optional.ofNullable(em.find(TenantRateLimits.class, tenant.value()));
    RateQuotas quotas = tuned.map(TenantRateLimits::quotas).orElse(RateQuotas.DEFAULTS);
    RateClass rateClass = RateClass.of(operation);
    return buckets.take(
        tenant,
        rateClass,
        quotas.perMinute(rateClass),
        tuned.map(TenantRateLimits::revision).orElse(0L));
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
    return AuditNote.of(changes);
  }
}
