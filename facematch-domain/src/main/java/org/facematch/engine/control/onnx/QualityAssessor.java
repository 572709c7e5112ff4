package org.facematch.engine.control.onnx;

import java.util.ArrayList;
import java.util.List;
import org.facematch.engine.entity.FaceQuality;
import org.facematch.engine.entity.Point;
import org.facematch.engine.entity.QualityWarning;

/**
 * Scores how usable a face is from cheap signals: size, sharpness and brightness of the aligned
 * face, head pose from the five landmarks, and the detector's confidence.
 */
final class QualityAssessor {

  /** Faces below this height (pixels actually decoded) give weaker templates. */
  static final int SMALL_FACE = 112;

  static final double MAX_YAW = 35;
  static final double MAX_ROLL = 30;

  /** Laplacian variance of a crisp aligned face; measured on the shared sets (typical 250-1500). */
  static final double SHARP_LAPLACIAN_VARIANCE = 250;

  static FaceQuality assess(
      int[] aligned,
      List<Point> landmarks,
      double decodedHeight,
      int subsampling,
      double detectionScore) {
    double sharpness = Math.min(1, laplacianVariance(aligned) / SHARP_LAPLACIAN_VARIANCE);
    double brightness = meanLuma(aligned) / 255;
    Point leftEye = landmarks.get(0);
    Point rightEye = landmarks.get(1);
    Point nose = landmarks.get(2);
    double roll =
        Math.toDegrees(Math.atan2(rightEye.y() - leftEye.y(), rightEye.x() - leftEye.x()));
    double toLeft = Math.hypot(nose.x() - leftEye.x(), nose.y() - leftEye.y());
    double toRight = Math.hypot(nose.x() - rightEye.x(), nose.y() - rightEye.y());
    double yaw = 90 * (toLeft - toRight) / (toLeft + toRight);

    List<QualityWarning> warnings = new ArrayList<>();
    double sizeFactor = Math.min(1, decodedHeight / SMALL_FACE);
    if (decodedHeight < SMALL_FACE) {
      warnings.add(QualityWarning.SMALL_FACE);
    }
    double poseFactor = 1;
    if (Math.abs(yaw) > MAX_YAW || Math.abs(roll) > MAX_ROLL) {
      warnings.add(QualityWarning.EXTREME_POSE);
      poseFactor = 0.5;
    }
    if (sharpness < 0.25) {
      warnings.add(QualityWarning.BLURRY_FACE);
    }
    double lightFactor = 1;
    if (brightness < 0.2 || brightness > 0.85) {
      warnings.add(QualityWarning.POOR_LIGHTING);
      lightFactor = 0.6;
    }
    double score =
        detectionScore
            * Math.sqrt(sizeFactor)
            * (0.5 + 0.5 * Math.min(1, sharpness / 0.5))
            * poseFactor
            * lightFactor;
    if (score < 0.5) {
      warnings.add(0, QualityWarning.LOW_QUALITY_IMAGE);
    }
    return new FaceQuality(
        (int) Math.round(decodedHeight * subsampling),
        sharpness,
        brightness,
        yaw,
        roll,
        score,
        List.copyOf(warnings));
  }

  private static double laplacianVariance(int[] rgb) {
    int n = FaceAligner.SIZE;
    double sum = 0;
    double sumSq = 0;
    int count = 0;
    // The central region only: the template's corners hold background and hair.
    for (int y = n / 4; y < 3 * n / 4; y++) {
      for (int x = n / 4; x < 3 * n / 4; x++) {
        double lap =
            luma(rgb[(y - 1) * n + x])
                + luma(rgb[(y + 1) * n + x])
                + luma(rgb[y * n + x - 1])
                + luma(rgb[y * n + x + 1])
                - 4 * luma(rgb[y * n + x]);
        sum += lap;
        sumSq += lap * lap;
        count++;
      }
    }
    double mean = sum / count;
    return sumSq / count - mean * mean;
  }

  private static double meanLuma(int[] rgb) {
    double sum = 0;
    for (int p : rgb) {
      sum += luma(p);
    }
    return sum / rgb.length;
  }

  private static double luma(int p) {
    return 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
  }
}
