package org.facematch.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.TenantId;

/**
 * A console login. The password hash is verified by Jakarta Security's database identity store (see
 * the console's {@code ConsoleSecurity}); this entity carries role, tenant and the failed sign-in
 * count that throttles password guessing.
 */
@Entity
@Table(name = "console_users")
@NamedQuery(
    name = ConsoleAccount.ALL,
    query =
        "SELECT NEW org.facematch.tenant.entity.ConsoleLogin(a.username, a.role, a.tenantId, a.enabled, a.lockedUntil,"
            + " a.createdAt, a.createdBy) FROM ConsoleAccount a ORDER BY a.username")
@NamedQuery(name = ConsoleAccount.COUNT, query = "SELECT COUNT(a) FROM ConsoleAccount a")
public class ConsoleAccount {

  public static final String ALL = "ConsoleAccount.all";
  public static final String COUNT = "ConsoleAccount.count";

  @Id String username;

  @Column(name = "password_hash")
  String passwordHash;

  String role;

  @Column(name = "tenant_id")
  String tenantId;

  boolean enabled;

  @Column(name = "failed_logins")
  int failedLogins;

  @Column(name = "locked_until")
  Instant lockedUntil;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "created_by")
  String createdBy;

  protected ConsoleAccount() {}

  public ConsoleAccount(
      String username, String passwordHash, String role, String tenantId, String createdBy) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.tenantId = tenantId;
    this.enabled = true;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    this.createdBy = createdBy;
  }

  public Caller caller() {
    return Caller.console(username, role, tenantId == null ? null : new TenantId(tenantId));
  }

  public boolean isEnabled() {
    return enabled;
  }

  public boolean isLocked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  /** Counts a failed sign-in; after {@code limit} in a row the account waits {@code lockMillis}. */
  public void failed(int limit, long lockMillis, Instant now) {
    failedLogins++;
    if (failedLogins >= limit) {
      lockedUntil = now.plusMillis(lockMillis).truncatedTo(ChronoUnit.MILLIS);
      failedLogins = 0;
    }
  }

  public void succeeded() {
    failedLogins = 0;
    lockedUntil = null;
  }
}
