package org.facematch.api.upload;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.facematch.collection.entity.UploadTicket;

@Schema(name = "UploadUrlResponse")
public record UploadUrlResponse(
    @Schema(description = "PUT the image here with the same Content-Type") String uploadUrl,
    // The naming strategy would write "s3uri": digits do not start a new word for it.
    @JsonbProperty("s3_uri")
        @Schema(example = "s3://facematch/tenants/acme/uploads/7c1e-passport.jpg")
        String s3Uri,
    @JsonbProperty("s3_key") String s3Key,
    @Schema(description = "Unix seconds") long expiresAt) {

  static UploadUrlResponse from(UploadTicket ticket) {
    return new UploadUrlResponse(
        ticket.uploadUrl().toString(),
        ticket.s3Uri(),
        ticket.s3Key(),
        ticket.expiresAt().getEpochSecond());
  }
}
