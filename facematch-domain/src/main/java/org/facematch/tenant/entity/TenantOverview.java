package org.facematch.tenant.entity;

import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/**
 * One row of the support staff's tenant list; the face count comes from the tenant's collection.
 */
public record TenantOverview(
    String id,
    String name,
    boolean enabled,
    long faceCount,
    String modelVersion,
    double verificationThreshold,
    double searchThreshold)
    implements AuditedOutcome {

  public TenantOverview withFaceCount(long count) {
    return new TenantOverview(
        id, name, enabled, count, modelVersion, verificationThreshold, searchThreshold);
  }

  @Override
  public Optional<String> auditedTenant() {
    return Optional.of(id);
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of("name: " + name);
  }
}
