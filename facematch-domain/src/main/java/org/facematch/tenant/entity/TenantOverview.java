package org.facematch.tenant.entity;

/** One row of the support staff's tenant list. */
public record TenantOverview(
    String id, String name, boolean enabled, long faceCount, String modelVersion, double verificationThreshold, double searchThreshold) {

  public TenantOverview withFaceCount(long count) {
    return new TenantOverview(id, name, enabled, count, modelVersion, verificationThreshold, searchThreshold);
  }
}
