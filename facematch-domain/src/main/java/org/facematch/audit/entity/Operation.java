package org.facematch.audit.entity;

import org.facematch.kernel.entity.Access;

/**
 * Every operation a boundary offers, with who may perform it and whether the audit trail records
 * it. The stored code is written out here, so renaming a Java method never changes stored data.
 */
public enum Operation {
  VERIFY("VERIFY", Access.KYC_READ, true),
  SEARCH("SEARCH", Access.KYC_READ, true),
  COLLECTION_STATUS("COLLECTION_STATUS", Access.KYC_READ, true),
  REGISTER("REGISTER", Access.KYC_CREATE, true),
  /** The call as a whole; each of its items is audited as a {@link #REGISTER} of its own. */
  REGISTER_BATCH("REGISTER_BATCH", Access.KYC_CREATE, true),
  UPLOAD_URL("UPLOAD_URL", Access.KYC_CREATE, true),
  BLACKLIST("BLACKLIST", Access.KYC_CREATE, true),
  UNBLACKLIST("UNBLACKLIST", Access.KYC_CREATE, true),
  DELETE_FACE("DELETE_FACE", Access.KYC_CREATE, true),
  /** A subject's request to see what is kept of them (GDPR Art. 15). */
  LIST_SESSION_FACES("LIST_SESSION_FACES", Access.KYC_READ, true),
  /** The call as a whole; each face it removes is audited as a {@link #DELETE_FACE} of its own. */
  ERASE_SESSION("ERASE_SESSION", Access.KYC_CREATE, true),
  VIEW_FACE_IMAGE("CONSOLE_VIEW_FACE_IMAGE", Access.OWN_TENANT, true),
  /** Links to matched faces' images issued with a search report: an image access of its own. */
  MATCH_IMAGE_LINKS("MATCH_IMAGE_LINKS", Access.KYC_READ, true),
  LIST_FACES("LIST_FACES", Access.OWN_TENANT, false),
  COUNT_FACES("COUNT_FACES", Access.SUPPORT_OR_OWN_TENANT, false),
  VIEW_PROBE_IMAGE("CONSOLE_VIEW_PROBE_IMAGE", Access.OWN_TENANT, true),
  LIST_REVIEWS("LIST_REVIEWS", Access.OWN_TENANT, false),
  REVIEW_CONFIRM("REVIEW_CONFIRM", Access.OWN_TENANT, true),
  REVIEW_DISMISS("REVIEW_DISMISS", Access.OWN_TENANT, true),
  LIST_TENANTS("LIST_TENANTS", Access.SUPPORT, false),
  TENANT_CREATE("TENANT_CREATE", Access.SUPPORT, true),
  TENANT_ENABLE("TENANT_ENABLE", Access.SUPPORT, true),
  TENANT_DISABLE("TENANT_DISABLE", Access.SUPPORT, true),
  READ_TENANT_SETTINGS("READ_TENANT_SETTINGS", Access.SUPPORT_OR_OWN_TENANT, false),
  TENANT_SETTINGS_UPDATE("TENANT_SETTINGS_UPDATE", Access.SUPPORT_OR_OWN_TENANT, true),
  READ_RATE_LIMITS("READ_RATE_LIMITS", Access.SUPPORT_OR_OWN_TENANT, false),
  RATE_LIMITS_UPDATE("RATE_LIMITS_UPDATE", Access.SUPPORT, true),
  LIST_CONSOLE_USERS("LIST_CONSOLE_USERS", Access.SUPPORT, false),
  CONSOLE_USER_CREATE("CONSOLE_USER_CREATE", Access.SUPPORT, true),
  /** Written by the console's sign-in itself: its outcomes are answers, not failures. */
  CONSOLE_SIGN_IN("CONSOLE_SIGN_IN", Access.ANYONE, true),
  READ_RETENTION("READ_RETENTION", Access.SUPPORT_OR_OWN_TENANT, false),
  RETENTION_UPDATE("RETENTION_UPDATE", Access.SUPPORT, true),
  /** One tenant's round of the scheduled purge, with what it removed. */
  RETENTION_PURGE("RETENTION_PURGE", Access.SYSTEM, true),
  /** A face past the tenant's retention, removed with every trace as a delete removes it. */
  RETENTION_DELETE_FACE("RETENTION_DELETE_FACE", Access.SYSTEM, true),
  /** Finding what is due, and removing review cases: counted in the round's event. */
  RETENTION_SCAN("RETENTION_SCAN", Access.SYSTEM, false),
  READ_AUDIT_LOG("READ_AUDIT_LOG", Access.CONSOLE_USER, false),
  /** Support staff check a tenant's chain of audit events for changes behind FaceMatch's back. */
  AUDIT_VERIFY("AUDIT_VERIFY", Access.SUPPORT, true),
  READ_OPERATIONS("READ_OPERATIONS", Access.SUPPORT_OR_OWN_TENANT, false),
  /** A request refused before it named an operation: an unknown path or method, a bad token. */
  UNKNOWN("UNKNOWN", Access.ANYONE, true);

  private final String code;
  private final Access access;
  private final boolean audited;

  Operation(String code, Access access, boolean audited) {
    this.code = code;
    this.access = access;
    this.audited = audited;
  }

  /** The operation as the audit trail stores it. */
  public String code() {
    return code;
  }

  public Access access() {
    return access;
  }

  /** Reads that only list what the console shows are checked, not recorded. */
  public boolean audited() {
    return audited;
  }
}
