package org.facematch.api.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of every error answer (RFC 9457), for the document only. */
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable code")
public record ProblemDocument(
    @Schema(example = "https://api.example.com/problems/no-face-detected") String type,
    @Schema(example = "No face detected") String title,
    @Schema(example = "400") int status,
    @Schema(
            example = "NO_FACE_DETECTED",
            description = "Stable, machine-readable; see the README for the catalogue")
        String code,
    @Schema(example = "No face was found in the image") String detail,
    @Schema(example = "/kyc/facematch/verify") String instance) {}
