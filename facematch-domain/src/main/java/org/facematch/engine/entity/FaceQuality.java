package org.facematch.engine.entity;

import java.util.List;

/**
 * How usable a detected face is for matching.
 *
 * @param faceHeight face box height in pixels of the original image
 * @param sharpness 0 (blurred) to 1 (sharp), from the aligned face's high-frequency energy
 * @param brightness mean luminance of the aligned face, 0 to 1
 * @param yaw head turn estimated from the landmarks, degrees (0 = frontal)
 * @param roll in-plane tilt of the eye line, degrees
 * @param score overall usability, 0 to 1
 * @param warnings what lowers the score
 */
public record FaceQuality(
    int faceHeight,
    double sharpness,
    double brightness,
    double yaw,
    double roll,
    double score,
    List<QualityWarning> warnings) {}
