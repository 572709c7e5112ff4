package org.facematch.api.collection;

import static org.facematch.audit.entity.Operation.ERASE_SESSION;
import static org.facematch.audit.entity.Operation.LIST_SESSION_FACES;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.facematch.api.Performs;
import org.facematch.api.RequestCaller;
import org.facematch.collection.boundary.Sessions;

/** A subject's data by session: access (GDPR Art. 15) and erasure (Art. 17). */
@Path("facematch/sessions/{session_id}")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @Inject Sessions sessions;
  @Inject RequestCaller caller;

  @GET
  @Path("faces")
  @Performs(LIST_SESSION_FACES)
  public SessionFacesResponse faces(@PathParam("session_id") String sessionId) {
    return SessionFacesResponse.from(sessions.faces(caller.get(), sessionId));
  }

  @DELETE
  @Performs(ERASE_SESSION)
  public SessionErasureResponse erase(@PathParam("session_id") String sessionId) {
    return SessionErasureResponse.from(sessions.erase(caller.get(), sessionId));
  }
}
