package org.facematch.collection.entity;

import org.facematch.image.entity.ImageInput;
import org.facematch.kernel.entity.FaceMatchException;

/**
 * One registration of a batch, as a single registration would ask for it; or, when the API could
 * not even read it, the problem it answers alone.
 */
public record BatchItem(
    String sessionId, ImageInput image, String metadata, FaceMatchException refused) {

  public BatchItem(String sessionId, ImageInput image, String metadata) {
    this(sessionId, image, metadata, null);
  }

  public static BatchItem refused(FaceMatchException problem) {
    return new BatchItem(null, null, null, problem);
  }
}
