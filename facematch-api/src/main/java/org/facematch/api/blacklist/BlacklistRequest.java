package org.facematch.api.blacklist;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BlacklistRequest")
public record BlacklistRequest(
    @Schema(required = true) String faceId,
    @Schema(required = true, maxLength = 500, example = "Fraudulent document presented")
        String reason) {}
