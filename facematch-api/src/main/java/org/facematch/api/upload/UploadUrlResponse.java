package org.facematch.api.upload;

import jakarta.json.bind.annotation.JsonbProperty;
import org.facematch.collection.entity.UploadTicket;

public record UploadUrlResponse(
    String uploadUrl,
    // The naming strategy would write "s3uri": digits do not start a new word for it.
    @JsonbProperty("s3_uri") String s3Uri,
    @JsonbProperty("s3_key") String s3Key,
    long expiresAt) {

  static UploadUrlResponse from(UploadTicket ticket) {
    return new UploadUrlResponse(
        ticket.uploadUrl().toString(),
        ticket.s3Uri(),
        ticket.s3Key(),
        ticket.expiresAt().getEpochSecond());
  }
}
