package org.facematch.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Support's retention schedule for one tenant; a tenant without a row keeps the defaults. */
@Entity
@Table(name = "tenant_retention")
public class TenantRetention {

  @Id
  @Column(name = "tenant_id")
  String tenantId;

  @Column(name = "face_days")
  int faceDays;

  @Column(name = "review_days")
  int reviewDays;

  @Column(name = "audit_days")
  int auditDays;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Column(name = "updated_by")
  String updatedBy;

  protected TenantRetention() {}

  public TenantRetention(String tenantId) {
    this.tenantId = tenantId;
  }

  public String tenantId() {
    return tenantId;
  }

  public RetentionPolicy policy() {
    return new RetentionPolicy(faceDays, reviewDays, auditDays);
  }

  public void change(RetentionPolicy policy, String by, Instant at) {
    faceDays = policy.faceDays();
    reviewDays = policy.reviewDays();
    auditDays = policy.auditDays();
    updatedBy = by;
    updatedAt = at;
  }
}
