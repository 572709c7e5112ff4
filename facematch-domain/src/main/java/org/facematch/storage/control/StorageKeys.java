package org.facematch.storage.control;

import java.util.UUID;
import java.util.regex.Pattern;
import org.facematch.kernel.entity.TenantId;

/**
 * The layout of the bucket, in one place: everything of a tenant lives under {@code
 * tenants/<tenant>/}: {@code uploads/} (presigned client uploads), {@code faces/} (registered
 * images), {@code reviews/} (search images kept for a review case).
 */
public final class StorageKeys {

  private StorageKeys() {}

  /**
   * S3's own limit on a key (1,024 bytes of UTF-8); every key we issue is ASCII and far shorter.
   */
  public static final int MAX_KEY_LENGTH = 1024;

  private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

  /**
   * Whether a client's {@code s3_uri} could name one of our objects at all: printable ASCII without
   * spaces, no longer than a key may be. Anything else is a malformed parameter, not a reason to
   * call the store.
   */
  public static boolean isWellFormed(String uri) {
    return uri != null && uri.length() <= MAX_KEY_LENGTH + 64 && PRINTABLE.matcher(uri).matches();
  }

  public static String tenantPrefix(TenantId tenant) {
    return "tenants/" + tenant.value() + "/";
  }

  public static String upload(TenantId tenant, String readableSuffix, String extension) {
    return tenantPrefix(tenant) + "uploads/" + UUID.randomUUID() + readableSuffix + "." + extension;
  }

  public static String face(TenantId tenant, String faceId, String extension) {
    return tenantPrefix(tenant) + "faces/" + faceId + "." + extension;
  }

  /** The search image a review case keeps for the person who decides it. */
  public static String reviewProbe(TenantId tenant, String extension) {
    return tenantPrefix(tenant) + "reviews/" + UUID.randomUUID() + "." + extension;
  }
}
