package org.facematch.kernel.entity;

/**
 * Role names. The API's roles arrive 1:1 as the {@code groups} claim of a MicroProfile JWT; the
 * console roles belong to console users.
 */
public final class Roles {
  /** Verify, search and read collection status. */
  public static final String KYC_READ = "kyc:read";

  /** Register, blacklist, delete faces and create upload URLs. */
  public static final String KYC_CREATE = "kyc:create";

  /** Support staff: every tenant, enabling face matching, console users. */
  public static final String SUPPORT = "support";

  /** A tenant's administrator: settings, faces and review of one tenant. */
  public static final String TENANT_ADMIN = "tenant-admin";

  /**
   * The installation's own scheduled work (the retention purge): never carried by a token or a
   * console user.
   */
  public static final String SYSTEM = "system";

  private Roles() {}
}
