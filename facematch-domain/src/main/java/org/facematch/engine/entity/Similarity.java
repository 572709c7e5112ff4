package org.facematch.engine.entity;

/**
 * How alike two faces are.
 *
 * @param score calibrated similarity on 0.0-1.0; tenants' thresholds apply to it
 * @param raw the engine's own score (cosine for the local engine), kept for audit and recalibration
 * @param modelId the model both faces were compared with
 */
public record Similarity(double score, double raw, String modelId) {}
