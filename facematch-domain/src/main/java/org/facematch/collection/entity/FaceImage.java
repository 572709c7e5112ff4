package org.facematch.collection.entity;

import java.util.List;
import org.facematch.audit.entity.AuditedOutcome;

/**
 * A registered face's image as the console shows it to the tenant's admin.
 *
 * @param bytes the image; empty when it is gone from the store, never null
 */
public record FaceImage(String faceId, byte[] bytes) implements AuditedOutcome {

  @Override
  public List<String> auditedFaceIds() {
    return List.of(faceId);
  }
}
