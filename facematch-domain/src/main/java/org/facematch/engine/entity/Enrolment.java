package org.facematch.engine.entity;

import java.util.List;

/**
 * A face added to a tenant's collection.
 *
 * @param engineFaceId the engine's own id (Rekognition's FaceId; for the local engine our face id)
 * @param template the template to keep in the database, or null when the engine keeps it itself
 * @param quality the subject's quality score (0-1)
 */
public record Enrolment(
    String engineFaceId, byte[] template, double quality, List<QualityWarning> warnings) {}
