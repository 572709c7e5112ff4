package org.facematch.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.facematch.kernel.entity.TenantId;
import org.facematch.ratelimit.boundary.RateLimits;
import org.facematch.ratelimit.entity.Admission;

/**
 * Counts every call with a valid token against the quota of the tenant it names, before {@link
 * AccessControl} reads the tenant's settings and before the body is read: a refused call costs no
 * database read and no parsing, so a tenant flooding over its quota leaves the node to others.
 * Every counted answer, refused or not, carries the IETF {@code RateLimit} and {@code
 * RateLimit-Policy} fields; a refusal is {@code 429 RATE_LIMITED} with {@code Retry-After} in whole
 * seconds, held for a moment by {@link RefusalHold}, and is audited like any refusal.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 10)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String ADMISSION = RateLimitFilter.class.getName();

  @Context ResourceInfo resourceInfo;
  @Inject RequestCaller caller;
  @Inject RateLimits rateLimits;
  @Inject RefusalHold hold;

  @Override
  public void filter(ContainerRequestContext request) {
    var operation = AccessControl.operation(resourceInfo);
    var tenant = caller.claimedTenant().filter(TenantId::isValid);
    if (operation.isEmpty() || tenant.isEmpty() || HttpMethod.OPTIONS.equals(request.getMethod())) {
      return; // refused by AccessControl, uncounted
    }
    Admission admission = rateLimits.admit(new TenantId(tenant.get()), operation.get());
    if (!admission.admitted()) {
      admission = admission.heldFor(hold.hold(admission.retryAfterSeconds()) / 1000);
    }
    request.setProperty(ADMISSION, admission);
    if (!admission.admitted()) {
      throw RateLimits.refusal(admission);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(ADMISSION) instanceof Admission admission) {
      response.getHeaders().putSingle("RateLimit-Policy", admission.policyField());
      response.getHeaders().putSingle("RateLimit", admission.limitField());
      if (!admission.admitted()) {
        response
            .getHeaders()
            .putSingle("Retry-After", Long.toString(admission.retryAfterSeconds()));
      }
    }
  }
}
