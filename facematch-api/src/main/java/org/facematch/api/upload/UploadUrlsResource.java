package org.facematch.api.upload;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.facematch.api.RequiresPermission;
import org.facematch.api.RequestBodies;
import org.facematch.api.TenantResolver;
import org.facematch.collection.boundary.ImageUploads;
import org.facematch.tenant.entity.Roles;

@Path("facematch/upload-url")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UploadUrlsResource {

  @Inject ImageUploads uploads;
  @Inject TenantResolver tenantResolver;

  @POST
  @RequiresPermission(Roles.KYC_CREATE)
  @Operation(
      summary = "A presigned S3 PUT URL for one image",
      description =
          "Upload the image with `PUT <upload_url>` and the same `Content-Type`, then pass"
              + " `s3_uri` with `image_format: \"s3\"`. The URL expires after `expires_in` seconds.")
  @APIResponse(responseCode = "200", description = "The upload URL")
  @APIResponse(responseCode = "400", description = "INVALID_PARAMETER or MALFORMED_REQUEST")
  public UploadUrlResponse uploadUrl(UploadUrlRequest request) {
    RequestBodies.required(request, "A JSON body with content_type is required");
    Duration validFor =
        request.expiresIn() == null
            ? ImageUploads.DEFAULT_VALIDITY
            : Duration.ofSeconds(request.expiresIn());
    return UploadUrlResponse.from(
        uploads.issue(tenantResolver.tenant(), request.contentType(), request.fileName(), validFor));
  }
}
