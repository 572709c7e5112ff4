package org.facematch.engine.entity;

import java.util.List;

/**
 * One face found in an image.
 *
 * @param landmarks five points: image-left eye, image-right eye, nose tip, left and right mouth
 *     corner; empty when the engine does not report landmarks
 * @param detectionScore the detector's confidence, 0 to 1
 */
public record DetectedFace(
    FaceBox box, List<Point> landmarks, double detectionScore, FaceQuality quality) {}
