package org.facematch.api.matching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SearchRequest")
public record SearchRequest(
    @Schema(
            required = true,
            enumeration = {"base64", "s3"})
        String imageFormat,
    @Schema(required = true, description = "Base64 image or s3_uri") String image,
    @Schema(description = "1-100", defaultValue = "10") Integer maxResults,
    @Schema(description = "0-1; overrides the tenant's search_threshold") Double threshold,
    @Schema(description = "The applicant's own session: its faces are not reported as duplicates")
        String sessionId) {}
