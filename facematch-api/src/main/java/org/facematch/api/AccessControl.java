package org.facematch.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.facematch.audit.entity.Operation;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * Authorizes every API call before it reaches a resource, and before its body is read (a disabled
 * tenant learns nothing from validation errors): a valid token (validated by the container's MP-JWT
 * mechanism) becomes the request's {@link org.facematch.kernel.entity.Caller}, which the {@link
 * Performs operation}'s access rule judges. The boundary applies the same rule again, without
 * another database read.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessControl implements ContainerRequestFilter {

  @Context ResourceInfo resourceInfo;
  @Inject RequestCaller caller;

  /**
   * The token comes from this request's security context, never from an injected token: a provider
   * lives as long as the application, a token only as long as its request.
   */
  @Override
  public void filter(ContainerRequestContext request) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      return; // answered by JAX-RS itself with the path's Allow header, which the OpenAPI document
      // states anyway
    }
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)
        || jwt.getRawToken() == null) {
      throw new FaceMatchException(Problem.UNAUTHENTICATED, "A valid bearer token is required");
    }
    caller.authenticated(jwt);
    Operation operation =
        operation(resourceInfo)
            .orElseThrow(
                () ->
                    new FaceMatchException(
                        Problem.PERMISSION_DENIED, "This resource performs no operation"));
    operation.access().check(caller.get(), null);
  }

  /** The operation of the matched resource method, if it names one. */
  public static Optional<Operation> operation(ResourceInfo resource) {
    return Optional.ofNullable(resource.getResourceMethod())
        .map(m -> m.getAnnotation(Performs.class))
        .map(Performs::value);
  }
}
