package org.facematch.collection.entity;

/** A tenant's face collection at a glance. */
public record CollectionStatus(String collectionName, long faceCount, String status) {

  public static final String ACTIVE = "ACTIVE";
}
