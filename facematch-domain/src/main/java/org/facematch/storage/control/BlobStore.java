package org.facematch.storage.control;

import java.time.Duration;
import java.util.Optional;

/**
 * Where face images live: an S3-compatible object store. The seam exists so the domain speaks of
 * keys and URLs, never of a vendor SDK. Failures of the store itself surface as {@code
 * STORAGE_UNAVAILABLE}.
 */
public interface BlobStore {

  /** Stores (or replaces) one object. */
  void put(String key, byte[] bytes, String contentType);

  /**
   * Reads one object, empty when it does not exist.
   *
   * @throws org.facematch.kernel.entity.FaceMatchException {@code IMAGE_TOO_LARGE} above maxBytes
   */
  Optional<byte[]> get(String key, int maxBytes);

  /** Deletes one object; deleting a missing object is not an error. */
  void delete(String key);

  /**
   * A URL that lets its holder upload one object with an HTTP PUT until it expires; the upload must
   * carry the given content type.
   */
  PresignedUpload presignPut(String key, String contentType, Duration validFor);

  /** A URL that lets its holder read one object with an HTTP GET until it expires. */
  PresignedDownload presignGet(String key, Duration validFor);

  /** The bucket this store keeps its objects in. */
  String bucket();

  /** The {@code s3://bucket/key} form of a key in this store. */
  String uriOf(String key);

  /** The key of an {@code s3://bucket/key} URI of this store's bucket, empty for anything else. */
  Optional<String> keyOf(String uri);
}
