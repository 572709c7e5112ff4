package org.facematch.ratelimit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Support's quotas for one tenant; a tenant without a row has {@link RateQuotas#DEFAULTS}. */
@Entity
@Table(name = "tenant_rate_limits")
public class TenantRateLimits {

  @Id
  @Column(name = "tenant_id")
  String tenantId;

  @Column(name = "verify_per_minute")
  int verifyPerMinute;

  @Column(name = "search_per_minute")
  int searchPerMinute;

  @Column(name = "register_per_minute")
  int registerPerMinute;

  @Column(name = "other_per_minute")
  int otherPerMinute;

  /** Grows with every change: the buckets adopt new quotas when they see a higher one. */
  @Column(name = "revision")
  long revision;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Column(name = "updated_by")
  String updatedBy;

  protected TenantRateLimits() {}

  public TenantRateLimits(String tenantId) {
    this.tenantId = tenantId;
  }

  public RateQuotas quotas() {
    return new RateQuotas(verifyPerMinute, searchPerMinute, registerPerMinute, otherPerMinute);
  }

  public TunedQuotas tuned() {
    return new TunedQuotas(quotas(), revision);
  }

  public void change(RateQuotas quotas, String by, Instant at) {
    verifyPerMinute = quotas.verifyPerMinute();
    searchPerMinute = quotas.searchPerMinute();
    registerPerMinute = quotas.registerPerMinute();
    otherPerMinute = quotas.otherPerMinute();
    revision++;
    updatedBy = by;
    updatedAt = at;
  }
}
