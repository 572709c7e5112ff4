package org.facematch.engine.entity;

import java.util.List;

/**
 * What the engine made of one image: the subject (the largest confident face), how many faces it
 * saw, the subject's template and any quality warnings.
 */
public record FaceAnalysis(
    DetectedFace subject, int faceCount, Embedding embedding, List<QualityWarning> warnings) {}
