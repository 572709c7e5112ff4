package org.facematch.api.collection;

import static org.facematch.audit.entity.Operation.DELETE_FACE;
import static org.facematch.audit.entity.Operation.REGISTER;
import static org.facematch.audit.entity.Operation.REGISTER_BATCH;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.facematch.api.ImageFormats;
import org.facematch.api.Performs;
import org.facematch.api.RequestBodies;
import org.facematch.api.RequestCaller;
import org.facematch.collection.boundary.BatchRegistrations;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.collection.entity.BatchItem;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

@Path("facematch")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FacesResource {

  @Inject FaceCollections collections;
  @Inject BatchRegistrations batches;
  @Inject RequestCaller caller;

  @POST
  @Path("register")
  @Performs(REGISTER)
  public Response register(RegisterRequest request) {
    RequestBodies.required(request);
    var face =
        collections.register(
            caller.get(),
            request.sessionId(),
            ImageFormats.input(request.imageFormat(), request.image()),
            request.metadata() == null ? null : request.metadata().toString());
    return Response.status(Response.Status.CREATED).entity(RegisterResponse.from(face)).build();
  }

  @POST
  @Path("register/batch")
  @Performs(REGISTER_BATCH)
  public RegisterBatchResponse registerBatch(RegisterBatchRequest request) {
    RequestBodies.required(request);
    List<BatchItem> items =
        request.items() == null ? null : request.items().stream().map(FacesResource::item).toList();
    return RegisterBatchResponse.from(
        batches.register(caller.get(), items), "/kyc/facematch/register/batch");
  }

  /** An item the API cannot read answers its own problem; the others still register. */
  private static BatchItem item(RegisterRequest item) {
    if (item == null) {
      return BatchItem.refused(
          new FaceMatchException(Problem.INVALID_PARAMETER, "Each item must be an object"));
    }
    try {
      return new BatchItem(
          item.sessionId(),
          ImageFormats.input(item.imageFormat(), item.image()),
          item.metadata() == null ? null : item.metadata().toString());
    } catch (FaceMatchException e) {
      return BatchItem.refused(e);
    }
  }

  @DELETE
  @Path("faces/{face_id}")
  @Performs(DELETE_FACE)
  public JsonObject deleteFace(@PathParam("face_id") String faceId) {
    collections.delete(caller.get(), faceId);
    return Json.createObjectBuilder()
        .add("face_id", faceId)
        .add("deleted", true)
        .add("message", "Face deleted")
        .build();
  }
}
