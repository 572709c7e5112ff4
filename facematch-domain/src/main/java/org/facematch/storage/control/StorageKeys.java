package org.facematch.storage.control;

import java.util.UUID;
import org.facematch.kernel.entity.TenantId;

/**
 * The layout of the bucket, in one place: everything of a tenant lives under {@code
 * tenants/<tenant>/}: {@code uploads/} (presigned client uploads), {@code faces/} (registered
 * images), {@code reviews/} (search images kept for a review case).
 */
public final class StorageKeys {

  private StorageKeys() {}

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
