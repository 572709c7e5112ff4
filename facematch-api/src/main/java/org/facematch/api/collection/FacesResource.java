package org.facematch.api.collection;

import static org.facematch.audit.entity.Operation.DELETE_FACE;
import static org.facematch.audit.entity.Operation.REGISTER;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.facematch.api.ImageFormats;
import org.facematch.api.Performs;
import org.facematch.api.RequestBodies;
import org.facematch.api.RequestCaller;
import org.facematch.collection.boundary.FaceCollections;

@Path("facematch")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FacesResource {

  @Inject FaceCollections collections;
  @Inject RequestCaller caller;

  @POST
  @Path("register")
  @Performs(REGISTER)
  @Operation(
      summary = "Register the face in the image for a session",
      description =
          "Stores the image under the tenant's prefix in S3 and the face's template for search. A"
              + " session may hold at most the tenant's max_faces_per_user faces (MAX_FACES_EXCEEDED"
              + " beyond), also under concurrent registrations.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = RegisterRequest.class),
              examples =
                  @ExampleObject(
                      name = "from an upload",
                      value =
                          "{\"image_format\":\"s3\",\"image\":\"s3://facematch/tenants/acme/uploads/7c1e-selfie.jpg\","
                              + "\"session_id\":\"kyc-000123\",\"metadata\":{\"customer\":\"c-42\"}}")))
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content =
          @Content(
              schema = @Schema(implementation = RegisterResponse.class),
              examples =
                  @ExampleObject(
                      name = "registered",
                      value =
                          "{\"face_id\":\"3c33d254-fb24-4d0f-9e70-bdc1a7d67609\",\"rekognition_face_id\":\"3c33d254-fb24-4d0f-9e70-bdc1a7d67609\","
                              + "\"s3_key\":\"tenants/acme/faces/3c33d254-fb24-4d0f-9e70-bdc1a7d67609.jpg\",\"quality\":0.97,\"warnings\":[],"
                              + "\"message\":\"Face registered\"}")))
  @APIResponse(
      responseCode = "400",
      description =
          "INVALID_PARAMETER, INVALID_IMAGE, NO_FACE_DETECTED, FACE_TOO_SMALL, MAX_FACES_EXCEEDED, ...")
  @APIResponse(
      responseCode = "503",
      description = "STORAGE_UNAVAILABLE or ENGINE_UNAVAILABLE; nothing was stored, retry")
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

  @DELETE
  @Path("faces/{face_id}")
  @Performs(DELETE_FACE)
  @Operation(summary = "Delete a face: its image, its record and its search entry")
  @APIResponse(responseCode = "200", description = "Deleted")
  @APIResponse(responseCode = "404", description = "FACE_NOT_FOUND (also for other tenants' faces)")
  public JsonObject deleteFace(@PathParam("face_id") String faceId) {
    collections.delete(caller.get(), faceId);
    return Json.createObjectBuilder()
        .add("face_id", faceId)
        .add("deleted", true)
        .add("message", "Face deleted")
        .build();
  }
}
