package org.facematch.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.control.TenantSettingsCache;
import org.facematch.tenant.entity.Tenant;
import org.facematch.tenant.entity.TenantId;
import org.facematch.tenant.entity.TenantSettings;

/** The tenants of this installation and their settings. */
@Stateless
public class Tenants {

  @PersistenceContext EntityManager em;
  @Inject TenantSettingsCache cache;

  /**
   * The settings of a tenant that may use face matching. An unknown tenant is refused exactly like
   * a disabled one, so callers cannot probe which tenants exist.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public TenantSettings requireEnabled(TenantId tenantId) {
    return cache
        .get(tenantId, () -> Optional.ofNullable(em.find(Tenant.class, tenantId.value())).map(Tenant::settings))
        .filter(TenantSettings::enabled)
        .orElseThrow(
            () ->
                new FaceMatchException(
                    Problem.FEATURE_NOT_ENABLED,
                    "Face matching is not enabled for this tenant. Contact support to enable it."));
  }
}
