package org.facematch.api.blacklist;

import org.facematch.collection.entity.BlacklistState;

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
