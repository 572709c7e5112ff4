package org.facematch.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.facematch.kernel.entity.FaceMatchException;

@Provider
public class FaceMatchExceptionMapper implements ExceptionMapper<FaceMatchException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(FaceMatchException e) {
    return ProblemResponses.response(e.problem(), e.detail(), uriInfo.getRequestUri().getRawPath());
  }
}
