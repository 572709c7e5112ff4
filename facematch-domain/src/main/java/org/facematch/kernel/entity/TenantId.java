package org.facematch.kernel.entity;

import java.util.regex.Pattern;

/** A tenant's identifier as it appears in the {@code tenant_id} claim of a caller's token. */
public record TenantId(String value) {

  /** 1-64 letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or digit. */
  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  public TenantId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER,
          "tenant id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  /** Whether a claimed value is a well-formed tenant id. */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
