package org.facematch.api.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.facematch.kernel.entity.Problem;

/** Keeps the status JAX-RS chose (404, 405, 415, ...) but answers it as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uriInfo;
  @Context SecurityContext securityContext;

  @Override
  public Response toResponse(WebApplicationException e) {
    return render(e, uriInfo, securityContext);
  }

  static Response render(WebApplicationException e, UriInfo uriInfo, SecurityContext security) {
    Problem problem = problemFor(e, security);
    Response response =
        ProblemResponses.response(
            problem, detailFor(problem), uriInfo.getRequestUri().getRawPath());
    if (e instanceof NotAllowedException notAllowed) {
      String allow = notAllowed.getResponse().getHeaderString(HttpHeaders.ALLOW);
      if (allow != null) {
        return Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
      }
    }
    return response;
  }

  private static Problem problemFor(WebApplicationException e, SecurityContext security) {
    if (e instanceof NotFoundException) {
      return Problem.NOT_FOUND;
    } else if (e instanceof NotAllowedException) {
      return Problem.METHOD_NOT_ALLOWED;
    } else if (e instanceof NotSupportedException) {
      return Problem.UNSUPPORTED_MEDIA_TYPE;
    } else if (e instanceof NotAcceptableException) {
      return Problem.NOT_ACCEPTABLE;
    } else if (e instanceof NotAuthorizedException) {
      return Problem.UNAUTHENTICATED;
    } else if (e instanceof ForbiddenException) {
      return security.getUserPrincipal() == null
          ? Problem.UNAUTHENTICATED
          : Problem.PERMISSION_DENIED;
    } else if (e instanceof BadRequestException || e.getResponse().getStatus() == 400) {
      return Problem.MALFORMED_REQUEST;
    }
    return e.getResponse().getStatus() >= 500 ? Problem.INTERNAL_ERROR : Problem.INVALID_PARAMETER;
  }

  private static String detailFor(Problem problem) {
    return switch (problem) {
      case NOT_FOUND -> "No resource at this path";
      case METHOD_NOT_ALLOWED -> "This resource does not support the request method";
      case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json";
      case NOT_ACCEPTABLE -> "This resource answers with application/json only";
      case MALFORMED_REQUEST -> "The request body is not valid JSON of the expected shape";
      default -> null;
    };
  }
}
