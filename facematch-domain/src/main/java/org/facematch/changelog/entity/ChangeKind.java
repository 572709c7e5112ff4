package org.facematch.changelog.entity;

import java.util.Arrays;

/** What happened to a face (or to the tenant's engine); stored by its code, never its name. */
public enum ChangeKind {
  REGISTERED("registered"),
  REMOVED("removed"),
  BLACKLISTED("blacklisted"),
  UNBLACKLISTED("unblacklisted"),
  ENGINE_SWITCHED("engine");

  private final String code;

  ChangeKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static ChangeKind of(String code) {
    return Arrays.stream(values())
        .filter(k -> k.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown change " + code));
  }
}
