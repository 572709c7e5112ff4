package org.facematch.tenant.entity;

import java.io.Serializable;
import java.util.Optional;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;

/**
 * A signed-in console user acting on the domain. The console authenticates its users itself (the
 * EAR's container mechanism is the API's MP-JWT), so console boundaries cannot rely on the
 * container's caller roles; they take the actor explicitly and check it here, as a second line
 * behind the console's own view access control.
 *
 * @param tenant the one tenant of a tenant admin; null for support staff
 */
public record ConsoleActor(String name, String role, String tenant) implements Serializable {

  public ConsoleActor {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a console actor needs a name");
    }
    if (!Roles.SUPPORT.equals(role) && !Roles.TENANT_ADMIN.equals(role)) {
      throw new IllegalArgumentException("unknown console role " + role);
    }
    if (Roles.TENANT_ADMIN.equals(role) && tenant == null) {
      throw new IllegalArgumentException("a tenant admin belongs to a tenant");
    }
  }

  public boolean isSupport() {
    return Roles.SUPPORT.equals(role);
  }

  public Optional<TenantId> ownTenant() {
    return Optional.ofNullable(tenant).map(TenantId::new);
  }

  public void requireSupport() {
    if (!isSupport()) {
      throw new FaceMatchException(Problem.PERMISSION_DENIED, "Only support staff may do this");
    }
  }

  /**
   * Tenant admins act only on their own tenant. Support staff act on any tenant's settings and
   * counts, but never through this check on its faces: see {@link #requireOwnTenant}.
   */
  public void requireTenant(TenantId tenantId) {
    if (!isSupport() && !tenantId.value().equals(tenant)) {
      throw new FaceMatchException(Problem.PERMISSION_DENIED, "Not your tenant");
    }
  }

  /** Biometric data (face images, face lists, reviews): only the tenant's own admins. */
  public void requireOwnTenant(TenantId tenantId) {
    if (isSupport() || !tenantId.value().equals(tenant)) {
      throw new FaceMatchException(Problem.PERMISSION_DENIED, "Only the tenant's own admins see its faces");
    }
  }
}
