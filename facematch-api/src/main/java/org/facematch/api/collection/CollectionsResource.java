package org.facematch.api.collection;

import static org.facematch.audit.entity.Operation.COLLECTION_STATUS;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
  public CollectionStatusResponse collectionStatus() {
    return CollectionStatusResponse.from(collections.status(caller.get()));
  }
}
