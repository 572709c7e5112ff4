package org.facematch.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.entity.Tenant;
import org.facematch.tenant.entity.TenantId;
import org.facematch.tenant.entity.TenantSettings;

/** The tenants of this installation and their settings. */
@Stateless
public class Tenants {

  @PersistenceContext EntityManager em;

  /**
   * The settings of a tenant that may use face matching. An unknown tenant is refused exactly like
   * a disabled one, so callers cannot probe which tenants exist.
   */
  public TenantSettings requireEnabled(TenantId tenantId) {
    Tenant tenant = em.find(Tenant.class, tenantId.value());
    if (tenant == null || !tenant.settings().enabled()) {
      throw new FaceMatchException(
          Problem.FEATURE_NOT_ENABLED,
          "Face matching is not enabled for this tenant. Contact support to enable it.");
    }
    return tenant.settings();
  }
}
