package org.facematch.kernel.entity;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting, resolved once per request: from the bearer token for the API (with the tenant's
 * settings as read for this request), from the signed-in session for the console. Every boundary
 * operation takes it as its first argument; {@link Access} decides with it what the caller may do.
 *
 * @param name the token's subject or the console user name, as the audit trail records it
 * @param tenant the tenant the caller acts for; null for support staff, who act for none
 * @param roles the token's groups ({@link Roles#KYC_READ}, {@link Roles#KYC_CREATE}) or the console
 *     user's role ({@link Roles#SUPPORT}, {@link Roles#TENANT_ADMIN})
 * @param settings the tenant's settings as read when the request began; null when the tenant is
 *     unknown, and for console callers, whose operations do not depend on them
 */
public record Caller(String name, TenantId tenant, Set<String> roles, TenantSettings settings)
    implements Serializable {

  public Caller {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a caller needs a name");
    }
    roles = Set.copyOf(roles);
  }

  /**
   * A back end calling the API with a validated token. Only the API's permissions count: a token
   * whose groups name a console or system role gains nothing by it.
   */
  public static Caller api(
      String subject, TenantId tenant, Set<String> groups, Optional<TenantSettings> settings) {
    Set<String> permissions = new HashSet<>(groups);
    permissions.retainAll(Set.of(Roles.KYC_READ, Roles.KYC_CREATE));
    return new Caller(subject, tenant, permissions, settings.orElse(null));
  }

  /** The installation's own scheduled work, named for the audit trail (e.g. "retention"). */
  public static Caller system(String job) {
    return new Caller("system:" + job, null, Set.of(Roles.SYSTEM), null);
  }

  /** A signed-in console user: support staff (no tenant) or the admin of one tenant. */
  public static Caller console(String name, String role, TenantId tenant) {
    if (!Roles.SUPPORT.equals(role) && !Roles.TENANT_ADMIN.equals(role)) {
      throw new IllegalArgumentException("unknown console role " + role);
    }
    if (Roles.TENANT_ADMIN.equals(role) == (tenant == null)) {
      throw new IllegalArgumentException(
          "a tenant admin belongs to one tenant, support staff to none");
    }
    return new Caller(name, tenant, Set.of(role), null);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean isSupport() {
    return has(Roles.SUPPORT);
  }

  public boolean isConsoleUser() {
    return has(Roles.SUPPORT) || has(Roles.TENANT_ADMIN);
  }

  public Optional<TenantId> ownTenant() {
    return Optional.ofNullable(tenant);
  }

  /**
   * The settings of a tenant that may use face matching. An unknown tenant is refused exactly like
   * a disabled one, so callers cannot probe which tenants exist.
   */
  public TenantSettings enabledSettings() {
    if (settings == null || !settings.enabled()) {
      throw new FaceMatchException(
          Problem.FEATURE_NOT_ENABLED,
          "Face matching is not enabled for this tenant. Contact support to enable it.");
    }
    return settings;
  }

  /** The tenant the caller acts for; support staff act for none and are refused. */
  public TenantId actingTenant() {
    return ownTenant()
        .orElseThrow(
            () ->
                new FaceMatchException(
                    Problem.PERMISSION_DENIED, "Only a tenant's own callers may do this"));
  }
}
