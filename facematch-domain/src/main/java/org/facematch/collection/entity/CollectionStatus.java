package org.facematch.collection.entity;

/**
 * A tenant's face collection at a glance.
 *
 * @param engine the engine serving the tenant (its {@code model_version})
 * @param modelVersion the model behind its scores, as the engine reports it
 */
public record CollectionStatus(
    String collectionName, long faceCount, String status, String engine, String modelVersion) {

  public static final String ACTIVE = "ACTIVE";
}
