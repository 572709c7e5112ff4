package org.facematch.tenant.entity;

/**
 * A tenant's settings as read for editing, with the row version an update must still find
 * (optimistic locking: two admins editing at once must not overwrite each other silently).
 */
public record VersionedSettings(TenantId tenantId, String name, TenantSettings settings, long version) {}
