package org.facematch.api.blacklist;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.facematch.collection.entity.BlacklistState;

@Schema(name = "BlacklistResponse")
public record BlacklistResponse(
    String faceId,
    boolean isBlacklisted,
    String blacklistReason,
    String blacklistedAt,
    String blacklistedBy) {

  static BlacklistResponse from(BlacklistState state) {
    return new BlacklistResponse(
        state.faceId(),
        state.blacklisted(),
        state.reason(),
        state.blacklistedAt() == null ? null : state.blacklistedAt().toString(),
        state.blacklistedBy());
  }
}
