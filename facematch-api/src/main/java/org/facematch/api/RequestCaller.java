package org.facematch.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.facematch.audit.boundary.CallAudit;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.entity.TenantId;

/**
 * The one place that turns the caller's token into the tenant it acts for. The token is handed in
 * from the request's security context by the first filter, not injected: Payara's injectable
 * token looks the caller up again, probing for other vendors' classes on every request.
 */
@RequestScoped
public class TenantResolver {

  public static final String TENANT_CLAIM = "tenant_id";

  @Inject CallAudit call;
  private JsonWebToken jwt;
  private String claimed;
  private TenantId tenant;

  /** The request's authenticated token; read once, as each claim lookup by name costs an exception in Payara. */
  public void authenticated(JsonWebToken token) {
    if (token == jwt) {
      return;
    }
    jwt = token;
    tenant = null;
    Object claim = token.getRawToken() == null ? null : token.getClaim(TENANT_CLAIM);
    claimed = claim == null ? null : claim.toString().replace("\"", "");
  }

  /** The tenant the token names, unchecked (for the audit of refused calls). */
  public Optional<String> claimedTenant() {
    return Optional.ofNullable(claimed);
  }

  public TenantId tenant() {
    if (tenant == null) {
      tenant = resolve();
    }
    return tenant;
  }

  private TenantId resolve() {
    token();
    String value = claimed;
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
    JsonWebToken token = token();
    return token.getName() != null ? token.getName() : token.getSubject();
  }

  private JsonWebToken token() {
    if (jwt == null) {
      throw new FaceMatchException(Problem.UNAUTHENTICATED, "A valid bearer token is required");
    }
    return jwt;
  }
}
