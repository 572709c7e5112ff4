package org.facematch.audit.entity;

import java.util.List;
import java.util.Optional;

/** The audit facts of an operation that returns nothing else: the faces it touched and a note. */
public record AuditNote(List<String> faceIds, String details) implements AuditedOutcome {

  public static AuditNote of(String details) {
    return new AuditNote(List.of(), details);
  }

  @Override
  public List<String> auditedFaceIds() {
    return faceIds;
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.ofNullable(details);
  }
}
