package org.facematch.api.matching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerifyRequest")
public record VerifyRequest(
    @Schema(
            required = true,
            enumeration = {"base64", "s3"})
        String imageFormat,
    @Schema(
            required = true,
            description = "Base64 image (at most 5 MB decoded) or s3_uri from upload-url")
        String sourceImage,
    @Schema(required = true, description = "Base64 image or s3_uri") String targetImage,
    @Schema(description = "0-1; overrides the tenant's verification_threshold", example = "0.6")
        Double threshold) {}
