package org.facematch.collection.entity;

import java.util.List;
import org.facematch.audit.entity.AuditedOutcome;
import org.facematch.engine.entity.QualityWarning;

/** The outcome of a registration. */
public record RegisteredFace(
    String faceId, String engineFaceId, String s3Key, double quality, List<QualityWarning> warnings)
    implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return List.of(faceId);
  }
}
