package org.facematch.api.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.facematch.audit.boundary.AuditTrail;
import org.facematch.audit.boundary.CallAudit;
import org.facematch.api.TenantResolver;
import org.facematch.audit.entity.AuditRecord;

/**
 * One audit event per API call. A successful call is audited by its boundary, inside its own
 * transaction; whatever ended otherwise (refused, invalid, failed and rolled back) is written here
 * with its problem code. Every response carries the request id the event is filed under.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class CallAuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
  private static final System.Logger LOGGER = System.getLogger(CallAuditFilter.class.getName());

  @Context ResourceInfo resourceInfo;
  @Inject CallAudit call;
  @Inject AuditTrail audit;
  @Inject TenantResolver tenantResolver;

  @Override
  public void filter(ContainerRequestContext request) {
    String clientId = request.getHeaderString(REQUEST_ID);
    String requestId = clientId != null && CLIENT_ID.matcher(clientId).matches() ? clientId : UUID.randomUUID().toString();
    String actor = null;
    if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt) {
      actor = jwt.getName();
      tenantResolver.authenticated(jwt);
      tenantResolver.claimedTenant().filter(t -> TENANT.matcher(t).matches()).ifPresent(call::tenant);
    }
    call.begin(requestId, actor, operation(resourceInfo.getResourceMethod()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (call.requestId() == null) {
      call.begin(UUID.randomUUID().toString(), null, request.getMethod() + " " + request.getUriInfo().getPath());
    }
    response.getHeaders().putSingle(REQUEST_ID, call.requestId());
    if (call.isWritten()) {
      return;
    }
    try {
      audit.ended(outcome(response));
    } catch (RuntimeException e) {
      LOGGER.log(Level.ERROR, "Could not audit request " + call.requestId(), e);
    }
  }

  /** {@code registerFace} becomes {@code REGISTER_FACE}. */
  static String operation(Method method) {
    if (method == null) {
      return "UNKNOWN";
    }
    return method.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
  }

  private static String outcome(ContainerResponseContext response) {
    if (response.getStatus() < 400) {
      return AuditRecord.OK;
    }
    if (response.getEntity() instanceof String body) {
      Matcher code = CODE.matcher(body);
      if (code.find()) {
        return code.group(1);
      }
    }
    return "HTTP_" + response.getStatus();
  }
}
