package org.facematch.api.upload;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UploadUrlRequest")
public record UploadUrlRequest(
    @Schema(
            required = true,
            enumeration = {"image/jpeg", "image/png", "image/webp"},
            example = "image/jpeg")
        String contentType,
    @Schema(description = "Optional; becomes part of the object key", example = "passport.jpg")
        String fileName,
    @Schema(description = "Validity in seconds, 1-3600", defaultValue = "900", example = "900")
        Integer expiresIn) {}
