package org.facematch.api;

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
import org.facematch.ratelimit.boundary.RateLimits;
import org.facematch.ratelimit.entity.Admission;

/**
 * Counts every authorized call against its tenant's quota, after {@link AccessControl} and before
 * the body is read, so a refused call costs no parsing. Every counted answer, refused or not,
 * carries the IETF {@code RateLimit} and {@code RateLimit-Policy} fields; a refusal is {@code 429
 * RATE_LIMITED} with {@code Retry-After} in whole seconds, and is audited like any refusal.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String ADMISSION = RateLimitFilter.class.getName();

  @Context ResourceInfo resourceInfo;
  @Inject RequestCaller caller;
  @Inject RateLimits rateLimits;

  @Override
  public void filter(ContainerRequestContext request) {
    var operation = AccessControl.operation(resourceInfo);
    if (operation.isEmpty()) {
      return;
    }
    Admission admission = rateLimits.admit(caller.get(), operation.get());
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
