package org.facematch.api.collection;

import org.facematch.collection.entity.CollectionStatus;

public record CollectionStatusResponse(
    String collectionName, long faceCount, String status, String engine, String modelVersion) {

  static CollectionStatusResponse from(CollectionStatus status) {
    return new CollectionStatusResponse(
        status.collectionName(),
        status.faceCount(),
        status.status(),
        status.engine(),
        status.modelVersion());
  }
}
