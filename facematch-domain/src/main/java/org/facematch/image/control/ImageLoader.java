package org.facematch.image.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.facematch.image.entity.ImageInput;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.storage.control.BlobStore;
import org.facematch.storage.control.StorageKeys;

/**
 * Turns what a client sent into image bytes: base64 inline, or an object in the caller's own prefix
 * of the bucket. An {@code s3_uri} outside that prefix is refused before anything is read, so one
 * tenant can never make the service read another tenant's object.
 */
@ApplicationScoped
public class ImageLoader {

  @Inject BlobStore blobStore;

  /**
   * The client's image, checked but not yet decoded: base64 is decoded to bytes (5 MB at most), an
   * {@code s3_uri} must lie in the caller's prefix and is read (15 MB at most) only when an engine
   * needs its bytes.
   */
  public EngineImage load(TenantId tenant, ImageInput input, String field) {
    if (input == null || input.value() == null) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, field + " is required");
    }
    return switch (input.format()) {
      case BASE64 -> EngineImage.inline(ImageIntake.fromBase64(input.value()));
      case S3 -> {
        String key = tenantKey(tenant, input.value(), field);
        yield EngineImage.stored(
            new EngineImage.StoredObject(blobStore.bucket(), key),
            () ->
                blobStore
                    .get(key, ImageIntake.MAX_STORED_BYTES)
                    .orElseThrow(
                        () ->
                            new FaceMatchException(
                                Problem.IMAGE_NOT_FOUND,
                                "No object at " + field + "; upload it first")));
      }
    };
  }

  private String tenantKey(TenantId tenant, String uri, String field) {
    if (!StorageKeys.isWellFormed(uri)) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER,
          field
              + " must be an s3_uri of at most "
              + StorageKeys.MAX_KEY_LENGTH
              + " printable characters");
    }
    String prefix = StorageKeys.tenantPrefix(tenant);
    return blobStore
        .keyOf(uri)
        .filter(key -> key.startsWith(prefix) && !key.contains(".."))
        .orElseThrow(
            () ->
                new FaceMatchException(
                    Problem.PERMISSION_DENIED,
                    field + " must be an s3_uri from this API's upload-url for your tenant"));
  }
}
