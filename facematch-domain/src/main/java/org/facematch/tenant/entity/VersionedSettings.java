package org.facematch.tenant.entity;

import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;
import org.facematch.kernel.entity.TenantId;
import org.facematch.kernel.entity.TenantSettings;

/**
 * A tenant's settings as read for editing, with the row version an update must still find
 * (optimistic locking: two admins editing at once must not overwrite each other silently).
 *
 * @param changes what a save changed, as {@code name: old -> new}; empty for a read
 */
public record VersionedSettings(
    TenantId tenantId, String name, TenantSettings settings, long version, String changes)
    implements AuditedOutcome {

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of(changes.isEmpty() ? "no change" : changes);
  }
}
