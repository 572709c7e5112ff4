package org.facematch.kernel.entity;

/**
 * Who may perform an operation: the one place where roles, tenants and the tenant's enabled flag
 * are checked. The API checks an operation's access before it reads the request body (a disabled
 * tenant learns nothing from validation errors); every boundary operation is checked again by the
 * boundary's interceptor, from the same rule and without another database read.
 */
public enum Access {
  /** Verify, search, collection status: a token with {@code kyc:read} of an enabled tenant. */
  KYC_READ,
  /**
   * Register, blacklist, delete, upload URLs: a token with {@code kyc:create} of an enabled tenant,
   * or the tenant's own admin in the console.
   */
  KYC_CREATE,
  /** Support staff only. */
  SUPPORT,
  /** Support staff, or the admin of the target tenant: settings and counts, never faces. */
  SUPPORT_OR_OWN_TENANT,
  /** Biometric data in the console (faces, images, reviews): only the tenant's own admins. */
  OWN_TENANT,
  /** Any signed-in console user; what they see is scoped by the operation itself. */
  CONSOLE_USER,
  /** The installation's scheduled work (retention); no token or console user has it. */
  SYSTEM,
  /** No caller yet (signing in). */
  ANYONE;

  /**
   * Refuses the caller unless this access allows it.
   *
   * @param target the tenant the operation acts on when it names one; the caller's own otherwise
   * @throws FaceMatchException {@code PERMISSION_DENIED} or {@code FEATURE_NOT_ENABLED}
   */
  public void check(Caller caller, TenantId target) {
    switch (this) {
      case KYC_READ -> api(caller, Roles.KYC_READ);
      case KYC_CREATE -> {
        if (caller.has(Roles.TENANT_ADMIN)) {
          ownTenant(caller, target);
        } else {
          api(caller, Roles.KYC_CREATE);
        }
      }
      case SUPPORT -> {
        if (!caller.isSupport()) {
          throw denied("Only support staff may do this");
        }
      }
      case SUPPORT_OR_OWN_TENANT -> {
        if (!caller.isSupport() && !(caller.has(Roles.TENANT_ADMIN) && isOwn(caller, target))) {
          throw denied("Not your tenant");
        }
      }
      case OWN_TENANT -> ownTenant(caller, target);
      case CONSOLE_USER -> {
        if (!caller.isConsoleUser()) {
          throw denied("Only console users may do this");
        }
      }
      case SYSTEM -> {
        if (!caller.has(Roles.SYSTEM)) {
          throw denied("Only the installation's scheduled work does this");
        }
      }
      case ANYONE -> {}
    }
  }

  /** The permissions a token must carry one of, for the API's documentation and messages. */
  public String[] tokenGroups() {
    return switch (this) {
      case KYC_READ -> new String[] {Roles.KYC_READ};
      case KYC_CREATE -> new String[] {Roles.KYC_CREATE};
      default -> new String[0];
    };
  }

  private void api(Caller caller, String permission) {
    if (!caller.has(permission)) {
      throw denied("This operation needs the permission " + String.join(" or ", tokenGroups()));
    }
    caller.enabledSettings();
  }

  private static void ownTenant(Caller caller, TenantId target) {
    if (!caller.has(Roles.TENANT_ADMIN) || !isOwn(caller, target)) {
      throw denied("Only the tenant's own admins see its faces");
    }
  }

  private static boolean isOwn(Caller caller, TenantId target) {
    return caller.tenant() != null && (target == null || target.equals(caller.tenant()));
  }

  private static FaceMatchException denied(String detail) {
    return new FaceMatchException(Problem.PERMISSION_DENIED, detail);
  }
}
