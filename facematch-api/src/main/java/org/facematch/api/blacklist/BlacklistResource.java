package org.facematch.api.blacklist;

import static org.facematch.audit.entity.Operation.BLACKLIST;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.facematch.api.Performs;
import org.facematch.api.RequestBodies;
import org.facematch.api.RequestCaller;
import org.facematch.collection.boundary.Blacklist;

@Path("facematch/blacklist")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BlacklistResource {

  @Inject Blacklist blacklist;
  @Inject RequestCaller caller;

  @POST
  @Performs(BLACKLIST)
  @Operation(
      summary = "Put a registered face on the tenant's blacklist",
      description =
          "Idempotent: a face already on the blacklist keeps its first reason, time and actor.")
  @APIResponse(responseCode = "200", description = "The face's blacklist state")
  @APIResponse(
      responseCode = "403",
      description = "FEATURE_NOT_ENABLED when enable_blacklist is false")
  @APIResponse(responseCode = "404", description = "FACE_NOT_FOUND")
  public BlacklistResponse blacklist(BlacklistRequest request) {
    RequestBodies.required(request);
    return BlacklistResponse.from(blacklist.add(caller.get(), request.faceId(), request.reason()));
  }
}
