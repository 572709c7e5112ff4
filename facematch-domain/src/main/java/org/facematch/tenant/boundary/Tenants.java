package org.facematch.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.AuditNote;
import org.facematch.audit.entity.Operation;
import org.facematch.engine.control.FaceEngines;
import org.facematch.engine.entity.EngineChoice;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantEvent;
import org.facematch.kernel.entity.TenantId;
import org.facematch.kernel.entity.TenantSettings;
import org.facematch.tenant.entity.Tenant;
import org.facematch.tenant.entity.TenantOverview;
import org.facematch.tenant.entity.VersionedSettings;

/**
 * The tenants of this installation and their settings. The API reads a tenant's settings once per
 * request to build its {@link Caller}; support staff list, create, enable and disable tenants in
 * the console, and tenant admins tune their own settings. Settings are read from the database for
 * every request, never cached, so a change made on one node holds for the next request on any.
 */
@Stateless
public class Tenants {

  static final int MAX_NAME = 200;

  @PersistenceContext EntityManager em;
  @Inject FaceEngines engines;
  @Inject Event<TenantEvent> events;

  /** A tenant's settings as they are now; empty for an unknown tenant. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<TenantSettings> settingsOf(TenantId tenantId) {
    return Optional.ofNullable(em.find(Tenant.class, tenantId.value())).map(Tenant::settings);
  }

  @Audited(Operation.LIST_TENANTS)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<TenantOverview> list(Caller caller, String nameFilter, int offset, int limit) {
    return em.createNamedQuery(Tenant.OVERVIEW_BY_NAME, TenantOverview.class)
        .setParameter("name", like(nameFilter))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Audited(Operation.LIST_TENANTS)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public int count(Caller caller, String nameFilter) {
    return em.createNamedQuery(Tenant.COUNT_BY_NAME, Long.class)
        .setParameter("name", like(nameFilter))
        .getSingleResult()
        .intValue();
  }

  /** A new tenant with the default settings and engine, disabled until support enables it. */
  @Audited(Operation.TENANT_CREATE)
  public TenantOverview create(Caller caller, String id, String name) {
    TenantId tenantId = new TenantId(id == null ? "" : id.strip());
    String display = name == null ? "" : name.strip();
    if (display.isEmpty() || display.length() > MAX_NAME) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "name is required, at most " + MAX_NAME + " characters");
    }
    if (em.find(Tenant.class, tenantId.value()) != null || nameTaken(display)) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "A tenant with this id or name exists already");
    }
    Tenant tenant = new Tenant(tenantId, display, engines.defaultModel(), caller.name());
    TenantSettings settings = tenant.settings();
    em.persist(tenant);
    return new TenantOverview(
        tenantId.value(),
        display,
        false,
        0,
        settings.modelVersion(),
        settings.verificationThreshold(),
        settings.searchThreshold());
  }

  /** Turns face matching on for a tenant (the seed's "contact support to enable"). */
  @Audited(Operation.TENANT_ENABLE)
  public AuditNote enable(Caller caller, TenantId tenantId) {
    return switchTo(caller, tenantId, true);
  }

  @Audited(Operation.TENANT_DISABLE)
  public AuditNote disable(Caller caller, TenantId tenantId) {
    return switchTo(caller, tenantId, false);
  }

  @Audited(Operation.READ_TENANT_SETTINGS)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public VersionedSettings settings(Caller caller, TenantId tenantId) {
    Tenant tenant = find(tenantId, LockModeType.NONE);
    return new VersionedSettings(tenantId, tenant.name(), tenant.settings(), tenant.version(), "");
  }

  /**
   * Saves a tenant admin's settings if nobody changed them since {@code expectedVersion} was read.
   * Whether face matching is enabled stays support's decision: that flag is kept as stored.
   *
   * @throws FaceMatchException {@code CONCURRENT_CHANGE} when someone else saved in between
   */
  @Audited(Operation.TENANT_SETTINGS_UPDATE)
  public VersionedSettings update(
      Caller caller, TenantId tenantId, TenantSettings wanted, long expectedVersion) {
    if (!EngineChoice.offered().contains(wanted.modelVersion())) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "model_version must be one of " + EngineChoice.offered());
    }
    Tenant tenant = find(tenantId, LockModeType.NONE);
    if (tenant.version() != expectedVersion) {
      throw concurrentChange();
    }
    TenantSettings before = tenant.settings();
    TenantSettings after = wanted.withEnabled(before.enabled());
    String changes = after.changesFrom(before);
    if (changes.isEmpty()) {
      return new VersionedSettings(tenantId, tenant.name(), before, tenant.version(), "");
    }
    tenant.apply(after, caller.name());
    try {
      em.flush(); // the version check of a concurrent commit surfaces here
    } catch (OptimisticLockException e) {
      throw concurrentChange();
    }
    if (!after.modelVersion().equals(before.modelVersion())) {
      events.fire(
          new TenantEvent.EngineSwitched(tenantId, before.modelVersion(), after.modelVersion()));
    }
    return new VersionedSettings(tenantId, tenant.name(), after, tenant.version(), changes);
  }

  private AuditNote switchTo(Caller caller, TenantId tenantId, boolean on) {
    Tenant tenant = find(tenantId, LockModeType.PESSIMISTIC_WRITE);
    TenantSettings before = tenant.settings();
    if (before.enabled() == on) {
      return AuditNote.of("enabled: " + on + " (unchanged)");
    }
    tenant.apply(before.withEnabled(on), caller.name());
    return AuditNote.of("enabled: " + before.enabled() + " -> " + on);
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

  private static FaceMatchException concurrentChange() {
    return new FaceMatchException(
        Problem.CONCURRENT_CHANGE,
        "Someone else changed these settings meanwhile. Reload to see their values.");
  }

  private static String like(String filter) {
    String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
    return "%" + f.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
