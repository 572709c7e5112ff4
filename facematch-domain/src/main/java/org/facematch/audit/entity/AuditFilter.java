package org.facematch.audit.entity;

import java.time.Instant;

/**
 * What the console's audit log shows; null or blank means "any". Operation, outcome and actor match
 * exactly (they are indexed), the time range is half-open [from, to).
 */
public record AuditFilter(
    String tenantId, String operation, String outcome, String actor, Instant from, Instant to) {

  public static AuditFilter any() {
    return new AuditFilter(null, null, null, null, null, null);
  }

  public AuditFilter forTenant(String tenant) {
    return new AuditFilter(tenant, operation, outcome, actor, from, to);
  }
}
