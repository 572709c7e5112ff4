package org.facematch.api.blacklist;

import static org.facematch.audit.entity.Operation.BLACKLIST;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
  public BlacklistResponse blacklist(BlacklistRequest request) {
    RequestBodies.required(request);
    return BlacklistResponse.from(blacklist.add(caller.get(), request.faceId(), request.reason()));
  }
}
