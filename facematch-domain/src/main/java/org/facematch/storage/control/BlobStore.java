package org.facematch.storage.control;

import java.time.Duration;

/**
 * Where face images live: an S3-compatible object store. The seam exists so the domain speaks of
 * keys and URLs, never of a vendor SDK.
 */
public interface BlobStore {

  /**
   * A URL that lets its holder upload one object with an HTTP PUT until it expires; the upload
   * must carry the given content type.
   */
  PresignedUpload presignPut(String key, String contentType, Duration validFor);

  /** The {@code s3://bucket/key} form of a key in this store. */
  String uriOf(String key);
}
