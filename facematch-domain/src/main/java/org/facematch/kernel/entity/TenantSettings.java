package org.facematch.kernel.entity;

/**
 * The settings a tenant tunes. Construction validates them, so an instance is always a valid
 * configuration.
 *
 * @param verificationThreshold minimum similarity (0-1) for a 1:1 verify to be a match
 * @param searchThreshold minimum similarity (0-1) for a 1:N search hit
 * @param maxFacesPerUser most faces one session may register (1-100)
 */
public record TenantSettings(
    boolean enabled,
    double verificationThreshold,
    double searchThreshold,
    int maxFacesPerUser,
    boolean enableBlacklist,
    String modelVersion) {

  public static final double DEFAULT_VERIFICATION_THRESHOLD = 0.6;
  public static final double DEFAULT_SEARCH_THRESHOLD = 0.8;
  public static final int DEFAULT_MAX_FACES_PER_USER = 5;
  public static final int MAX_FACES_PER_USER_LIMIT = 100;

  public TenantSettings {
    requireUnitInterval("verification_threshold", verificationThreshold);
    requireUnitInterval("search_threshold", searchThreshold);
    if (maxFacesPerUser < 1 || maxFacesPerUser > MAX_FACES_PER_USER_LIMIT) {
      throw invalid("max_faces_per_user must be between 1 and " + MAX_FACES_PER_USER_LIMIT);
    }
    if (modelVersion == null || modelVersion.isBlank() || modelVersion.length() > 64) {
      throw invalid("model_version must be 1-64 characters");
    }
  }

  /** The seed's defaults: disabled until support enables it. */
  public static TenantSettings defaults(String modelVersion) {
    return new TenantSettings(
        false,
        DEFAULT_VERIFICATION_THRESHOLD,
        DEFAULT_SEARCH_THRESHOLD,
        DEFAULT_MAX_FACES_PER_USER,
        true,
        modelVersion);
  }

  public TenantSettings withEnabled(boolean on) {
    return new TenantSettings(
        on, verificationThreshold, searchThreshold, maxFacesPerUser, enableBlacklist, modelVersion);
  }

  /**
   * The settings that differ from {@code before}, as {@code name: old -> new}, for the audit trail.
   */
  public String changesFrom(TenantSettings before) {
    java.util.List<String> changes = new java.util.ArrayList<>();
    change(changes, "enabled", before.enabled, enabled);
    change(changes, "verification_threshold", before.verificationThreshold, verificationThreshold);
    change(changes, "search_threshold", before.searchThreshold, searchThreshold);
    change(changes, "max_faces_per_user", before.maxFacesPerUser, maxFacesPerUser);
    change(changes, "enable_blacklist", before.enableBlacklist, enableBlacklist);
    change(changes, "model_version", before.modelVersion, modelVersion);
    return String.join("; ", changes);
  }

  private static void change(
      java.util.List<String> changes, String name, Object before, Object after) {
    if (!before.equals(after)) {
      changes.add(name + ": " + before + " -> " + after);
    }
  }

  private static void requireUnitInterval(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw invalid(name + " must be between 0 and 1");
    }
  }

  private static FaceMatchException invalid(String detail) {
    return new FaceMatchException(Problem.INVALID_PARAMETER, detail);
  }
}
