package org.facematch.api.collection;

import static org.facematch.audit.entity.Operation.COLLECTION_STATUS;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.facematch.api.Performs;
import org.facematch.api.RequestCaller;
import org.facematch.collection.boundary.FaceCollections;

@Path("facematch/collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {

  @Inject FaceCollections collections;
  @Inject RequestCaller caller;

  @GET
  @Path("status")
  @Performs(COLLECTION_STATUS)
  @Operation(summary = "The caller's collection: name, number of registered faces, status")
  @APIResponse(responseCode = "200", description = "The collection status")
  @APIResponse(responseCode = "401", description = "Missing, expired or invalid token")
  @APIResponse(responseCode = "403", description = "PERMISSION_DENIED or FEATURE_NOT_ENABLED")
  public CollectionStatusResponse collectionStatus() {
    return CollectionStatusResponse.from(collections.status(caller.get()));
  }
}
