package org.facematch.collection.control;

import java.util.UUID;
import org.facematch.tenant.entity.TenantId;

/** The layout of the bucket: everything of a tenant lives under {@code tenants/<tenant>/}. */
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
}
