package org.facematch.api.collection;

import java.util.List;
import org.facematch.collection.entity.ErasedSession;

public record SessionErasureResponse(
    String sessionId,
    boolean erased,
    int facesRemoved,
    List<String> removedFaceIds,
    String message) {

  static SessionErasureResponse from(ErasedSession session) {
    int removed = session.removedFaceIds().size();
    return new SessionErasureResponse(
        session.sessionId(),
        true,
        removed,
        session.removedFaceIds(),
        removed == 0
            ? "Nothing is kept of this session"
            : "Every trace of " + removed + (removed == 1 ? " face" : " faces") + " removed");
  }
}
