package org.facematch.api.collection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.facematch.collection.entity.CollectionStatus;

@Schema(name = "CollectionStatus")
public record CollectionStatusResponse(
    @Schema(example = "facematch-acme") String collectionName,
    @Schema(example = "1204") long faceCount,
    @Schema(example = "ACTIVE") String status,
    @Schema(
            description = "The engine serving the tenant: its model_version setting",
            example = "faceplugin-0.0.1")
        String engine,
    @Schema(
            description =
                "The model behind the scores as the engine reports it (for Rekognition, the collection's FaceModelVersion)",
            example = "faceplugin-0.0.1")
        String modelVersion) {

  static CollectionStatusResponse from(CollectionStatus status) {
    return new CollectionStatusResponse(
        status.collectionName(),
        status.faceCount(),
        status.status(),
        status.engine(),
        status.modelVersion());
  }
}
