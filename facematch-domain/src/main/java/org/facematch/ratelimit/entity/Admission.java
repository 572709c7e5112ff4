package org.facematch.ratelimit.entity;

/**
 * The answer of a tenant's quota to one request, with what the IETF {@code RateLimit} and {@code
 * RateLimit-Policy} header fields report.
 *
 * @param quota requests allowed per window
 * @param remaining requests left in the current window after this one
 * @param resetSeconds whole seconds until the quota is full again
 * @param retryAfterSeconds for a refused request, whole seconds (rounded up) until one is allowed
 */
public record Admission(
    RateClass rateClass,
    long quota,
    long windowSeconds,
    boolean admitted,
    long remaining,
    long resetSeconds,
    long retryAfterSeconds) {

  /** {@code "verify";q=600;w=60} */
  public String policyField() {
    return "\"" + rateClass.policy() + "\";q=" + quota + ";w=" + windowSeconds;
  }

  /** {@code "verify";r=42;t=18} */
  public String limitField() {
    return "\"" + rateClass.policy() + "\";r=" + remaining + ";t=" + resetSeconds;
  }

  /** This refusal as it stands after it was held for whole seconds before being answered. */
  public Admission heldFor(long seconds) {
    return seconds <= 0
        ? this
        : new Admission(
            rateClass,
            quota,
            windowSeconds,
            admitted,
            remaining,
            Math.max(0, resetSeconds - seconds),
            Math.max(1, retryAfterSeconds - seconds));
  }

  public static long ceilSeconds(long nanos) {
    return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
