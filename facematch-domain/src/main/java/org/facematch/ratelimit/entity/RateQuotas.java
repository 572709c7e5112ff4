package org.facematch.ratelimit.entity;

import java.util.ArrayList;
import java.util.List;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * A tenant's requests per minute for each {@link RateClass}. Construction validates them.
 *
 * @param otherPerMinute status, blacklist, delete and upload URLs together
 */
public record RateQuotas(
    int verifyPerMinute, int searchPerMinute, int registerPerMinute, int otherPerMinute) {

  public static final int MAX_PER_MINUTE = 100_000;

  /** The documented defaults, for a tenant support has not tuned. */
  public static final RateQuotas DEFAULTS = new RateQuotas(600, 600, 300, 1200);

  public RateQuotas {
    require("verify_per_minute", verifyPerMinute);
    require("search_per_minute", searchPerMinute);
    require("register_per_minute", registerPerMinute);
    require("other_per_minute", otherPerMinute);
  }

  public int perMinute(RateClass rateClass) {
    return switch (rateClass) {
      case VERIFY -> verifyPerMinute;
      case SEARCH -> searchPerMinute;
      case REGISTER -> registerPerMinute;
      case OTHER -> otherPerMinute;
    };
  }

  /**
   * The quotas that differ from {@code before}, as {@code name: old -> new}, for the audit trail.
   */
  public String changesFrom(RateQuotas before) {
    List<String> changes = new ArrayList<>();
    for (RateClass rateClass : RateClass.values()) {
      if (before.perMinute(rateClass) != perMinute(rateClass)) {
        changes.add(
            rateClass.policy()
                + "_per_minute: "
                + before.perMinute(rateClass)
                + " -> "
                + perMinute(rateClass));
      }
    }
    return String.join("; ", changes);
  }

  private static void require(String name, int value) {
    if (value < 1 || value > MAX_PER_MINUTE) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, name + " must be between 1 and " + MAX_PER_MINUTE);
    }
  }
}
