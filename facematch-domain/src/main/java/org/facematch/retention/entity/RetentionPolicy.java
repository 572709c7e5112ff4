package org.facematch.retention.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * How long a tenant's data is kept, in days. Construction validates it.
 *
 * @param faceDays a registered face (row, image, template, index and engine entries) after its
 *     registration
 * @param reviewDays a review case and its kept search image after the decision; an undecided case
 *     is kept at most {@code faceDays}
 * @param auditDays an audit event after it occurred
 */
public record RetentionPolicy(int faceDays, int reviewDays, int auditDays) {

  public static final int MAX_DAYS = 3650;

  /**
   * Faces three years (BIPA's outer bound for biometric identifiers), review cases 90 days after
   * their decision, audit events seven years.
   */
  public static final RetentionPolicy DEFAULTS = new RetentionPolicy(1095, 90, 2555);

  public RetentionPolicy {
    require("face_retention_days", faceDays);
    require("review_retention_days", reviewDays);
    require("audit_retention_days", auditDays);
  }

  public Instant facesRegisteredBefore(Instant now) {
    return now.minus(Duration.ofDays(faceDays));
  }

  public Instant reviewsDecidedBefore(Instant now) {
    return now.minus(Duration.ofDays(reviewDays));
  }

  public Instant auditBefore(Instant now) {
    return now.minus(Duration.ofDays(auditDays));
  }

  /** The periods that differ from {@code before}, as {@code name: old -> new}. */
  public String changesFrom(RetentionPolicy before) {
    List<String> changes = new ArrayList<>();
    change(changes, "face_retention_days", before.faceDays, faceDays);
    change(changes, "review_retention_days", before.reviewDays, reviewDays);
    change(changes, "audit_retention_days", before.auditDays, auditDays);
    return String.join("; ", changes);
  }

  private static void change(List<String> changes, String name, int before, int after) {
    if (before != after) {
      changes.add(name + ": " + before + " -> " + after);
    }
  }

  private static void require(String name, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, name + " must be between 1 and " + MAX_DAYS + " days");
    }
  }
}
