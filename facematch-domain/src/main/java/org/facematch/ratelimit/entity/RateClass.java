package org.facematch.ratelimit.entity;

import org.facematch.audit.entity.Operation;

/**
 * What a tenant's quota counts: the engine-heavy operations each on their own, everything else
 * together. The name is the policy name in the {@code RateLimit} header fields.
 */
public enum RateClass {
  VERIFY("verify"),
  SEARCH("search"),
  REGISTER("register"),
  OTHER("default");

  private final String policy;

  RateClass(String policy) {
    this.policy = policy;
  }

  public String policy() {
    return policy;
  }

  public static RateClass of(Operation operation) {
    return switch (operation) {
      case VERIFY -> VERIFY;
      case SEARCH -> SEARCH;
      case REGISTER, REGISTER_BATCH -> REGISTER;
      default -> OTHER;
    };
  }
}
