package org.facematch.collection.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.Operation;
import org.facematch.collection.entity.UploadTicket;
import org.facematch.image.entity.ImageFormat;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.storage.control.BlobStore;
import org.facematch.storage.control.PresignedUpload;
import org.facematch.storage.control.StorageKeys;

/** Presigned uploads: clients send large images straight to the object store, not through us. */
@Stateless
public class ImageUploads {

  public static final Duration DEFAULT_VALIDITY = Duration.ofSeconds(900);
  public static final Duration MAX_VALIDITY = Duration.ofSeconds(3600);

  @Inject BlobStore blobStore;

  @Audited(Operation.UPLOAD_URL)
  public UploadTicket issue(Caller caller, String contentType, String fileName, Duration validFor) {
    String extension =
        ImageFormat.ofMediaType(contentType)
            .map(ImageFormat::extension)
            .orElseThrow(
                () ->
                    new FaceMatchException(
                        Problem.INVALID_PARAMETER,
                        "content_type must be one of " + ImageFormat.mediaTypes()));
    if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALIDITY) > 0) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER,
          "expires_in must be between 1 and " + MAX_VALIDITY.toSeconds() + " seconds");
    }
    String key = StorageKeys.upload(caller.tenant(), readable(fileName), extension);
    PresignedUpload upload = blobStore.presignPut(key, contentType, validFor);
    return new UploadTicket(upload.url(), blobStore.uriOf(key), key, upload.expiresAt());
  }

  /** The client's file name, reduced to a safe key suffix so operators can recognise uploads. */
  static String readable(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return "";
    }
    if (fileName.length() > 255) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "file_name must be at most 255 characters");
    }
    String base = fileName.replaceAll(".*[/\\\\]", "").replaceFirst("\\.[^.]*$", "");
    String safe = base.replaceAll("[^A-Za-z0-9_-]+", "_");
    return safe.isEmpty() ? "" : "-" + safe.substring(0, Math.min(64, safe.length()));
  }
}
