package org.facematch.review.entity;

/**
 * A search that a person should look at: the risk the search report found and the registered face
 * it found it on. Built by matching from its rules; review keeps it as a case.
 *
 * @param searchStatus the report's status, {@code In Review} or {@code Declined}
 * @param risk the report's risk code, e.g. {@code FACE_IN_BLACKLIST}
 */
public record SuspectedMatch(
    String searchStatus, String risk, String faceId, String sessionId, double similarity) {}
