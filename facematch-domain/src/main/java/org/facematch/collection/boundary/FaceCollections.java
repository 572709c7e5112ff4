package org.facematch.collection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.facematch.collection.entity.CollectionStatus;
import org.facematch.collection.entity.Face;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.Roles;
import org.facematch.tenant.entity.TenantId;

/** Each tenant's collection of registered faces. */
@Stateless
public class FaceCollections {

  static final String NAME_PREFIX = "facematch-";

  @PersistenceContext EntityManager em;
  @Inject Tenants tenants;

  @RolesAllowed(Roles.KYC_READ)
  public CollectionStatus status(TenantId tenantId) {
    tenants.requireEnabled(tenantId);
    long count =
        em.createNamedQuery(Face.COUNT_BY_TENANT, Long.class)
            .setParameter("tenantId", tenantId.value())
            .getSingleResult();
    return new CollectionStatus(NAME_PREFIX + tenantId.value(), count, CollectionStatus.ACTIVE);
  }
}
