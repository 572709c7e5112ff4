package org.facematch.api.blacklist;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.facematch.collection.boundary.Blacklist;

@Schema(name = "BlacklistRequest")
public record BlacklistRequest(
    @Schema(required = true) String faceId,
    @Schema(
            required = true,
            maxLength = Blacklist.MAX_REASON,
            example = "Fraudulent document presented")
        String reason) {}
