package org.facematch.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.facematch.audit.boundary.CallAudit;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.entity.TenantId;

/** The one place that turns the caller's token into the tenant it acts for. */
@RequestScoped
public class TenantResolver {

  public static final String TENANT_CLAIM = "tenant_id";

  @Inject JsonWebToken jwt;
  @Inject CallAudit call;

  public TenantId tenant() {
    Object claim = jwt.getRawToken() == null ? null : jwt.getClaim(TENANT_CLAIM);
    String value = claim == null ? null : claim.toString().replace("\"", "");
    if (value == null || value.isBlank()) {
      throw new FaceMatchException(
          Problem.UNAUTHENTICATED, "The token carries no " + TENANT_CLAIM + " claim");
    }
    try {
      TenantId tenant = new TenantId(value);
      call.tenant(tenant.value());
      return tenant;
    } catch (FaceMatchException e) {
      throw new FaceMatchException(
          Problem.UNAUTHENTICATED, "The token's " + TENANT_CLAIM + " claim is not a valid tenant id");
    }
  }

  /** Who is calling, for audit: the token's subject (or upn). */
  public String subject() {
    return jwt.getName() != null ? jwt.getName() : jwt.getSubject();
  }
}
