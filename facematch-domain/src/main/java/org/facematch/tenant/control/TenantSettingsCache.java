package org.facematch.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.facematch.tenant.entity.TenantId;
import org.facematch.tenant.entity.TenantSettings;

/**
 * Every API call checks its tenant, twice (access filter and boundary): reading the row each time
 * cost about a tenth of a verify's CPU. Settings are remembered for a couple of seconds, so a
 * change (enabling, thresholds) takes effect within that time on every node.
 */
@ApplicationScoped
public class TenantSettingsCache {

  private record Entry(Optional<TenantSettings> settings, long expiresNanos) {}

  @Inject
  @ConfigProperty(name = "facematch.tenant.cache-millis", defaultValue = "2000")
  long ttlMillis;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public Optional<TenantSettings> get(TenantId tenant, Supplier<Optional<TenantSettings>> load) {
    long now = System.nanoTime();
    Entry entry = entries.get(tenant.value());
    if (entry == null || now - entry.expiresNanos() > 0) {
      entry = new Entry(load.get(), now + ttlMillis * 1_000_000);
      if (entries.size() > 10_000) {
        entries.clear();
      }
      entries.put(tenant.value(), entry);
    }
    return entry.settings();
  }

  /** Forgets a tenant's settings, so the next call reads the change the console just committed. */
  public void evict(TenantId tenant) {
    entries.remove(tenant.value());
  }
}
