package org.facematch.engine.entity;

/** Why a face may match less reliably than a good frontal, sharp, well-lit photo would. */
public enum QualityWarning {
  /** The overall quality score is low; see the other warnings for the reasons. */
  LOW_QUALITY_IMAGE,
  /** More than one face was found; the largest confident one was used. */
  MULTIPLE_FACES_DETECTED,
  /** The face is small enough that its template is less distinctive. */
  SMALL_FACE,
  /** The head is turned or tilted far from frontal. */
  EXTREME_POSE,
  /** The face is out of focus or motion-blurred. */
  BLURRY_FACE,
  /** The face is much too dark or too bright. */
  POOR_LIGHTING
}
