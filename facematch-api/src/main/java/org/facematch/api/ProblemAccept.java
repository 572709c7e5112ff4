package org.facematch.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.facematch.api.problem.ProblemResponses;

/**
 * A client that accepts only {@code application/problem+json} (to read our errors) is served: its
 * successful answers are plain JSON, which it is taken to accept too, rather than a 406.
 */
@Provider
@PreMatching
public class ProblemAccept implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String accept = request.getHeaderString(HttpHeaders.ACCEPT);
    if (accept != null
        && accept.contains(ProblemResponses.MEDIA_TYPE)
        && !accept.contains(MediaType.APPLICATION_JSON)) {
      request
          .getHeaders()
          .putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON + ";q=0.5");
    }
  }
}
