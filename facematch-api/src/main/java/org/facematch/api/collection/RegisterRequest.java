package org.facematch.api.collection;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegisterRequest")
public record RegisterRequest(
    @Schema(
            required = true,
            enumeration = {"base64", "s3"})
        String imageFormat,
    @Schema(required = true, description = "Base64 image or s3_uri") String image,
    @Schema(
            required = true,
            description = "The applicant's session; at most max_faces_per_user faces each",
            example = "kyc-2026-000123")
        String sessionId,
    @Schema(description = "Any JSON object, at most 4096 characters; returned with search matches")
        JsonObject metadata) {}
