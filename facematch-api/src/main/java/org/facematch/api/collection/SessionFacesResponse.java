package org.facematch.api.collection;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.facematch.api.StoredJson;
import org.facematch.collection.entity.SessionFace;
import org.facematch.collection.entity.SessionFaces;

public record SessionFacesResponse(String sessionId, int faceCount, List<Face> faces) {

  public record Face(
      String faceId,
      String registeredAt,
      JsonValue metadata,
      Double quality,
      String modelVersion,
      boolean blacklisted,
      String blacklistReason,
      String blacklistedAt) {}

  static SessionFacesResponse from(SessionFaces session) {
    List<Face> faces = session.faces().stream().map(SessionFacesResponse::face).toList();
    return new SessionFacesResponse(session.sessionId(), faces.size(), faces);
  }

  private static Face face(SessionFace f) {
    return new Face(
        f.faceId(),
        text(f.registeredAt()),
        StoredJson.of(f.metadata()),
        f.quality() == null ? null : Math.round(f.quality() * 1000) / 1000.0,
        f.modelVersion(),
        f.blacklisted(),
        f.blacklistReason(),
        text(f.blacklistedAt()));
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
