package org.facematch.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.facematch.kernel.entity.TenantId;
import org.facematch.kernel.entity.TenantSettings;

/** A customer of the service and its face-matching settings. Aggregate root of the tenant BC. */
@Entity
@Table(name = "tenants")
@NamedQuery(
    name = Tenant.OVERVIEW_BY_NAME,
    query =
        "SELECT NEW org.facematch.tenant.entity.TenantOverview(t.id, t.name, t.enabled, 0L, t.modelVersion,"
            + " t.verificationThreshold, t.searchThreshold)"
            + " FROM Tenant t WHERE LOWER(t.name) LIKE :name OR LOWER(t.id) LIKE :name ORDER BY t.name, t.id")
@NamedQuery(
    name = Tenant.COUNT_BY_NAME,
    query =
        "SELECT COUNT(t) FROM Tenant t WHERE LOWER(t.name) LIKE :name OR LOWER(t.id) LIKE :name")
public class Tenant {

  public static final String OVERVIEW_BY_NAME = "Tenant.overviewByName";
  public static final String COUNT_BY_NAME = "Tenant.countByName";

  @Id String id;

  String name;
  boolean enabled;

  @Column(name = "verification_threshold")
  double verificationThreshold;

  @Column(name = "search_threshold")
  double searchThreshold;

  @Column(name = "max_faces_per_user")
  int maxFacesPerUser;

  @Column(name = "enable_blacklist")
  boolean enableBlacklist;

  @Column(name = "model_version")
  String modelVersion;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "created_by")
  String createdBy;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Column(name = "updated_by")
  String updatedBy;

  @Version long version;

  protected Tenant() {}

  /** A new tenant with the seed's defaults: face matching stays off until support enables it. */
  public Tenant(TenantId id, String name, String modelVersion, String actor) {
    this.id = id.value();
    this.name = name;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    this.createdAt = now;
    this.createdBy = actor;
    apply(TenantSettings.defaults(modelVersion), actor);
  }

  public long version() {
    return version;
  }

  /** Replaces every setting; the caller has validated them by constructing the record. */
  public void apply(TenantSettings settings, String actor) {
    enabled = settings.enabled();
    verificationThreshold = settings.verificationThreshold();
    searchThreshold = settings.searchThreshold();
    maxFacesPerUser = settings.maxFacesPerUser();
    enableBlacklist = settings.enableBlacklist();
    modelVersion = settings.modelVersion();
    updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    updatedBy = actor;
  }

  public TenantId tenantId() {
    return new TenantId(id);
  }

  public String name() {
    return name;
  }

  public TenantSettings settings() {
    return new TenantSettings(
        enabled,
        verificationThreshold,
        searchThreshold,
        maxFacesPerUser,
        enableBlacklist,
        modelVersion);
  }
}
