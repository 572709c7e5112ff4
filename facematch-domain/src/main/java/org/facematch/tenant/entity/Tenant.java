package org.facematch.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer of the service and its face-matching settings. Aggregate root of the tenant BC. */
@Entity
@Table(name = "tenants")
public class Tenant {

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
