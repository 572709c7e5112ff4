package org.facematch.api.upload;

import static org.facematch.audit.entity.Operation.UPLOAD_URL;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.facematch.api.Performs;
import org.facematch.api.RequestBodies;
import org.facematch.api.RequestCaller;
import org.facematch.collection.boundary.ImageUploads;

@Path("facematch/upload-url")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UploadUrlsResource {

  @Inject ImageUploads uploads;
  @Inject RequestCaller caller;

  @POST
  @Performs(UPLOAD_URL)
  public UploadUrlResponse uploadUrl(UploadUrlRequest request) {
    RequestBodies.required(request, "A JSON body with content_type is required");
    Duration validFor =
        request.expiresIn() == null
            ? ImageUploads.DEFAULT_VALIDITY
            : Duration.ofSeconds(request.expiresIn());
    return UploadUrlResponse.from(
        uploads.issue(caller.get(), request.contentType(), request.fileName(), validFor));
  }
}
