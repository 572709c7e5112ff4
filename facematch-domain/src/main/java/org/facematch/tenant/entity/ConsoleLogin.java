package org.facematch.tenant.entity;

import java.time.Instant;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;

/** A console login as support staff list it; never the hash. */
public record ConsoleLogin(
    String username,
    String role,
    String tenantId,
    boolean enabled,
    Instant lockedUntil,
    Instant createdAt,
    String createdBy)
    implements AuditedOutcome {

  @Override
  public Optional<String> auditedTenant() {
    return Optional.ofNullable(tenantId);
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of("user: " + username + ", role: " + role);
  }
}
