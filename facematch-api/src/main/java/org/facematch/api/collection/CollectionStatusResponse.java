package org.facematch.api.collection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.facematch.collection.entity.CollectionStatus;

@Schema(name = "CollectionStatus")
public record CollectionStatusResponse(
    @Schema(example = "facematch-acme") String collectionName,
    @Schema(example = "1204") long faceCount,
    @Schema(example = "ACTIVE") String status) {

  static CollectionStatusResponse from(CollectionStatus status) {
    return new CollectionStatusResponse(status.collectionName(), status.faceCount(), status.status());
  }
}
