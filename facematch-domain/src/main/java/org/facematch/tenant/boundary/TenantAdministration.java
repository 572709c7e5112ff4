package org.facematch.tenant.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.collection.entity.Face;
import org.facematch.engine.control.FaceEngines;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.control.TenantSettingsCache;
import org.facematch.tenant.entity.ConsoleActor;
import org.facematch.tenant.entity.ModelVersion;
import org.facematch.tenant.entity.Tenant;
import org.facematch.tenant.entity.TenantId;
import org.facematch.tenant.entity.TenantOverview;
import org.facematch.tenant.entity.TenantSettings;
import org.facematch.tenant.entity.VersionedSettings;

/**
 * The console's side of tenants: support staff list, create, enable and disable them; tenant
 * admins tune their own settings. Every change is audited with who, when and old -> new, and
 * evicts the tenant from the settings cache once committed, so the API sees it at once.
 */
@Stateless
public class TenantAdministration {

  public static final String CREATED = "TENANT_CREATE";
  public static final String ENABLED = "TENANT_ENABLE";
  public static final String DISABLED = "TENANT_DISABLE";
  public static final String SETTINGS_CHANGED = "TENANT_SETTINGS_UPDATE";
  static final int MAX_NAME = 200;

  @PersistenceContext EntityManager em;
  @Inject TenantSettingsCache cache;
  @Inject AuditLog audit;
  @Inject FaceEngines engines;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  public List<TenantOverview> list(ConsoleActor actor, String nameFilter, int offset, int limit) {
    actor.requireSupport();
    List<TenantOverview> page =
        em.createNamedQuery(Tenant.OVERVIEW_BY_NAME, TenantOverview.class)
            .setParameter("name", like(nameFilter))
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    if (page.isEmpty()) {
      return page;
    }
    Map<String, Long> counts = new HashMap<>();
    em.createNamedQuery(Face.COUNT_PER_TENANT, Object[].class)
        .setParameter("ids", page.stream().map(TenantOverview::id).toList())
        .getResultList()
        .forEach(row -> counts.put((String) row[0], (Long) row[1]));
    return page.stream()
        .map(t -> t.withFaceCount(counts.getOrDefault(t.id(), 0L)))
        .toList();
  }

  public int count(ConsoleActor actor, String nameFilter) {
    actor.requireSupport();
    return em.createNamedQuery(Tenant.COUNT_BY_NAME, Long.class)
        .setParameter("name", like(nameFilter))
        .getSingleResult()
        .intValue();
  }

  /** A new tenant with the default settings and engine, disabled until support enables it. */
  public TenantOverview create(ConsoleActor actor, String id, String name) {
    actor.requireSupport();
    TenantId tenantId = new TenantId(id == null ? "" : id.strip());
    String display = name == null ? "" : name.strip();
    if (display.isEmpty() || display.length() > MAX_NAME) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "name is required, at most " + MAX_NAME + " characters");
    }
    if (em.find(Tenant.class, tenantId.value()) != null || nameTaken(display)) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "A tenant with this id or name exists already");
    }
    Tenant tenant = new Tenant(tenantId, display, engines.defaultModel(), actor.name());
    TenantSettings settings = tenant.settings();
    em.persist(tenant);
    audit.record(tenantId.value(), actor.name(), CREATED, "name: " + display);
    evictAfterCommit(tenantId);
    return new TenantOverview(
        tenantId.value(), display, false, 0, settings.modelVersion(), settings.verificationThreshold(), settings.searchThreshold());
  }

  /** Turns face matching on or off for a tenant (the seed's "contact support to enable"). */
  public void enable(ConsoleActor actor, TenantId tenantId, boolean on) {
    actor.requireSupport();
    Tenant tenant = find(tenantId, LockModeType.PESSIMISTIC_WRITE);
    TenantSettings before = tenant.settings();
    if (before.enabled() == on) {
      return;
    }
    tenant.apply(before.withEnabled(on), actor.name());
    audit.record(tenantId.value(), actor.name(), on ? ENABLED : DISABLED, "enabled: " + before.enabled() + " -> " + on);
    evictAfterCommit(tenantId);
  }

  public VersionedSettings settings(ConsoleActor actor, TenantId tenantId) {
    actor.requireTenant(tenantId);
    Tenant tenant = find(tenantId, LockModeType.NONE);
    return new VersionedSettings(tenantId, tenant.name(), tenant.settings(), tenant.version());
  }

  /**
   * Saves a tenant admin's settings if nobody changed them since {@code expectedVersion} was read.
   * Whether face matching is enabled stays support's decision: that flag is kept as stored.
   *
   * @throws FaceMatchException {@code CONCURRENT_CHANGE} when someone else saved in between
   */
  public VersionedSettings update(ConsoleActor actor, TenantId tenantId, TenantSettings wanted, long expectedVersion) {
    actor.requireTenant(tenantId);
    if (!ModelVersion.offered().contains(wanted.modelVersion())) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "model_version must be one of " + ModelVersion.offered());
    }
    Tenant tenant = find(tenantId, LockModeType.NONE);
    if (tenant.version() != expectedVersion) {
      throw concurrentChange();
    }
    TenantSettings before = tenant.settings();
    TenantSettings after = wanted.withEnabled(before.enabled());
    String changes = after.changesFrom(before);
    if (changes.isEmpty()) {
      return new VersionedSettings(tenantId, tenant.name(), before, tenant.version());
    }
    tenant.apply(after, actor.name());
    try {
      em.flush(); // the version check of a concurrent commit surfaces here
    } catch (OptimisticLockException e) {
      throw concurrentChange();
    }
    audit.record(tenantId.value(), actor.name(), SETTINGS_CHANGED, changes);
    evictAfterCommit(tenantId);
    return new VersionedSettings(tenantId, tenant.name(), after, tenant.version());
  }

  private boolean nameTaken(String name) {
    return em.createNamedQuery(Tenant.OVERVIEW_BY_NAME, TenantOverview.class)
        .setParameter("name", name.toLowerCase(Locale.ROOT))
        .getResultStream()
        .anyMatch(t -> t.name().equalsIgnoreCase(name));
  }

  private Tenant find(TenantId tenantId, LockModeType lock) {
    return Optional.ofNullable(em.find(Tenant.class, tenantId.value(), lock))
        .orElseThrow(() -> new FaceMatchException(Problem.NOT_FOUND, "No tenant " + tenantId));
  }

  private void evictAfterCommit(TenantId tenantId) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              cache.evict(tenantId);
            }
          }
        });
  }

  private static FaceMatchException concurrentChange() {
    return new FaceMatchException(
        Problem.CONCURRENT_CHANGE, "Someone else changed these settings meanwhile. Reload to see their values.");
  }

  private static String like(String filter) {
    String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
    return "%" + f.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
