package org.facematch.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.TenantId;

/**
 * Authorizes every API call before it reaches a resource: a valid token (validated by the
 * container's MP-JWT mechanism) carrying a tenant, one of the resource method's roles in its
 * {@code groups}, and a tenant with face matching enabled. Resources without {@link
 * RequiresPermission} are refused, so a forgotten annotation fails closed.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessControl implements ContainerRequestFilter {

  @Context ResourceInfo resourceInfo;
  @Inject TenantResolver tenantResolver;
  @Inject Tenants tenants;

  /**
   * The caller comes from this request's security context, never from an injected token: a
   * provider lives as long as the application, a token only as long as its request.
   */
  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
      throw new FaceMatchException(Problem.UNAUTHENTICATED, "A valid bearer token is required");
    }
    tenantResolver.authenticated(jwt);
    TenantId tenant = tenantResolver.tenant();
    Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    if (Arrays.stream(requiredRoles()).noneMatch(groups::contains)) {
      throw new FaceMatchException(
          Problem.PERMISSION_DENIED,
          "This operation needs the permission " + String.join(" or ", requiredRoles()));
    }
    // Before any input is looked at: a disabled tenant learns nothing from validation errors.
    tenants.requireEnabled(tenant);
  }

  private String[] requiredRoles() {
    RequiresPermission onMethod = resourceInfo.getResourceMethod().getAnnotation(RequiresPermission.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    RequiresPermission onClass = resourceInfo.getResourceClass().getAnnotation(RequiresPermission.class);
    return onClass != null ? onClass.value() : new String[0];
  }
}
