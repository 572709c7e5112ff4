package org.facematch.kernel.entity;

/**
 * The life of a registered face, as the collection announces it. Fired inside the transaction that
 * makes the change: observers that keep their own copy of faces (the local engine's index) act
 * after it commits, observers that keep rows about a face (review cases) act within it.
 */
public sealed interface FaceEvent {

  TenantId tenant();

  String faceId();

  /**
   * A face was registered.
   *
   * @param engine the engine that enrolled it (its {@code model_version})
   * @param template the engine's template of the face, for engines that search it locally
   */
  record Registered(TenantId tenant, String faceId, String engine, byte[] template)
      implements FaceEvent {}

  /**
   * Every trace of a face is being removed: its row, image and engine entry are gone with this
   * transaction.
   */
  record Removed(TenantId tenant, String faceId, String engine) implements FaceEvent {}

  record Blacklisted(TenantId tenant, String faceId, String reason) implements FaceEvent {}

  record Unblacklisted(TenantId tenant, String faceId) implements FaceEvent {}
}
