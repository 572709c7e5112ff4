package org.facematch.collection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.facematch.audit.boundary.AuditTrail;
import org.facematch.collection.control.StorageKeys;
import org.facematch.collection.entity.UploadTicket;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.storage.control.BlobStore;
import org.facematch.storage.control.PresignedUpload;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.Roles;
import org.facematch.tenant.entity.TenantId;

/** Presigned uploads: clients send large images straight to the object store, not through us. */
@Stateless
public class ImageUploads {

  public static final Duration DEFAULT_VALIDITY = Duration.ofSeconds(900);
  public static final Duration MAX_VALIDITY = Duration.ofSeconds(3600);
  static final Map<String, String> EXTENSIONS =
      Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");

  @Inject Tenants tenants;
  @Inject BlobStore blobStore;
  @Inject AuditTrail audit;

  @RolesAllowed(Roles.KYC_CREATE)
  public UploadTicket issue(
      TenantId tenantId, String contentType, String fileName, Duration validFor) {
    tenants.requireEnabled(tenantId);
    String extension = EXTENSIONS.get(contentType);
    if (extension == null) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "content_type must be image/jpeg, image/png or image/webp");
    }
    if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALIDITY) > 0) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "expires_in must be between 1 and " + MAX_VALIDITY.toSeconds() + " seconds");
    }
    String key = StorageKeys.upload(tenantId, readable(fileName), extension);
    PresignedUpload upload = blobStore.presignPut(key, contentType, validFor);
    audit.succeeded();
    return new UploadTicket(upload.url(), blobStore.uriOf(key), key, upload.expiresAt());
  }

  /** The client's file name, reduced to a safe key suffix so operators can recognise uploads. */
  static String readable(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return "";
    }
    if (fileName.length() > 255) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "file_name must be at most 255 characters");
    }
    String base = fileName.replaceAll(".*[/\\\\]", "").replaceFirst("\\.[^.]*$", "");
    String safe = base.replaceAll("[^A-Za-z0-9_-]+", "_");
    return safe.isEmpty() ? "" : "-" + safe.substring(0, Math.min(64, safe.length()));
  }
}
