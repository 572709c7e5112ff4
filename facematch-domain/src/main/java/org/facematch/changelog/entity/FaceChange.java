package org.facematch.changelog.entity;

/**
 * One entry of a tenant's change log.
 *
 * @param seq the tenant's sequence number: 1, 2, 3 … in commit order
 * @param faceId the face changed; null for an engine switch
 * @param engine the engine of the face (its {@code model_version}), or the engine switched to
 */
public record FaceChange(long seq, String faceId, ChangeKind kind, String engine) {}
