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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.facematch.api.AccessControl;
import org.facematch.api.RequestCaller;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.audit.boundary.DeferredAudit;
import org.facematch.audit.boundary.RequestAudit;
import org.facematch.audit.entity.AuditRecord;
import org.facematch.audit.entity.Operation;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;

/**
 * One audit event per API call. An operation that reaches the domain is audited by its boundary's
 * interceptor; a request that ended before that (refused token or permission, malformed body,
 * unknown path or method) is written here with its problem code, under its operation, or {@link
 * Operation#UNKNOWN} when it matched none. Every response carries the request id the event is filed
 * under: the client's {@code X-Request-Id} when it sent a usable one.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class CallAuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
  private static final System.Logger LOGGER = System.getLogger(CallAuditFilter.class.getName());

  @Context ResourceInfo resourceInfo;
  @Inject RequestAudit audit;
  @Inject AuditLog log;
  @Inject DeferredAudit deferred;
  @Inject RequestCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    audit.begin(RequestIds.of(request.getHeaderString(REQUEST_ID)));
    if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt) {
      caller.authenticated(jwt);
    }
  }

  /** Response filters run for unmatched requests too, where the request filter did not. */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (audit.requestId() == null) {
      audit.begin(RequestIds.of(request.getHeaderString(REQUEST_ID)));
    }
    response.getHeaders().putSingle(REQUEST_ID, audit.requestId());
    if (audit.isWritten()) {
      return;
    }
    Operation operation = AccessControl.operation(resourceInfo).orElse(Operation.UNKNOWN);
    String tenant = caller.claimedTenant().filter(TenantId::isValid).orElse(null);
    try {
      AuditRecord record =
          new AuditRecord(
              audit.requestId(),
              tenant,
              caller.subject().orElse(null),
              operation.code(),
              outcome(response),
              List.of(),
              null,
              null,
              operation == Operation.UNKNOWN ? request.getMethod() + " of no operation" : null);
      if (record.outcome().equals(Problem.RATE_LIMITED.code())) {
        deferred.write(record);
      } else {
        log.writeAlone(record);
      }
      audit.markWritten();
    } catch (RuntimeException e) {
      LOGGER.log(Level.ERROR, "Could not audit request " + audit.requestId(), e);
    }
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
