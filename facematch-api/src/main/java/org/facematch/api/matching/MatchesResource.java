package org.facematch.api.matching;

import static org.facematch.audit.entity.Operation.SEARCH;
import static org.facematch.audit.entity.Operation.VERIFY;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.facematch.api.ImageFormats;
import org.facematch.api.Performs;
import org.facematch.api.RequestBodies;
import org.facematch.api.RequestCaller;
import org.facematch.matching.boundary.Matches;

@Path("facematch")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MatchesResource {

  @Inject Matches matches;
  @Inject RequestCaller caller;

  @POST
  @Path("verify")
  @Performs(VERIFY)
  public VerifyResponse verify(VerifyRequest request) {
    long begin = System.nanoTime();
    VerifyRequest r = RequestBodies.required(request);
    var verification =
        matches.verify(
            caller.get(),
            ImageFormats.input(r.imageFormat(), r.sourceImage()),
            ImageFormats.input(r.imageFormat(), r.targetImage()),
            Optional.ofNullable(r.threshold()));
    return VerifyResponse.from(verification, (System.nanoTime() - begin) / 1_000_000);
  }

  @POST
  @Path("search")
  @Performs(SEARCH)
  public SearchResponse search(SearchRequest request) {
    long begin = System.nanoTime();
    SearchRequest r = RequestBodies.required(request);
    var report =
        matches.search(
            caller.get(),
            ImageFormats.input(r.imageFormat(), r.image()),
            Optional.ofNullable(r.maxResults()),
            Optional.ofNullable(r.threshold()),
            Optional.ofNullable(r.sessionId()).filter(s -> !s.isBlank()));
    return SearchResponse.from(report, (System.nanoTime() - begin) / 1_000_000);
  }
}
