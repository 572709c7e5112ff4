package org.facematch.engine.control.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.facematch.engine.entity.FaceBox;
import org.facematch.engine.entity.Point;
import org.facematch.image.entity.DecodedImage;

/**
 * 68 facial landmarks from a square grey crop around the detection, reduced to the five points the
 * alignment template uses: eye centres (mean of the four lid points, corners excluded), nose tip,
 * and mouth corners (mean of outer and inner corner).
 */
final class LandmarkLocator {

  static final int SIZE = 64;

  private final Models models;
  private final FloatBuffer staging = Models.staging(SIZE * SIZE);

  LandmarkLocator(Models models) {
    this.models = models;
  }

  List<Point> locate(DecodedImage image, FaceBox box) throws OrtException {
    double side = Math.min(box.height(), Math.min(image.width(), image.height()));
    double left = Math.max(0, Math.min(image.width() - side, box.centerX() - side / 2));
    double top = Math.max(0, Math.min(image.height() - side, box.centerY() - side / 2));
    int[] crop =
        Pixels.resample(
            image.pixels(), image.width(), image.height(), left, top, side, side, SIZE, SIZE);
    float[] input = new float[SIZE * SIZE];
    for (int i = 0; i < input.length; i++) {
      int p = crop[i];
      input[i] =
          (0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF)) / 256f;
    }

    float[] p = new float[136];
    try (OnnxTensor tensor = models.tensor(staging, input, 1, 1, SIZE, SIZE);
        OrtSession.Result result = models.landmarks.run(Map.of("input", tensor))) {
      ((OnnxTensor) result.get(0)).getFloatBuffer().get(p);
    }
    return List.of(
        mean(p, left, top, side, 37, 38, 40, 41),
        mean(p, left, top, side, 43, 44, 46, 47),
        mean(p, left, top, side, 30),
        mean(p, left, top, side, 48, 60),
        mean(p, left, top, side, 54, 64));
  }

  private static Point mean(float[] p, double left, double top, double side, int... indices) {
    double x = 0;
    double y = 0;
    for (int i : indices) {
      x += p[2 * i];
      y += p[2 * i + 1];
    }
    return new Point(left + side * x / indices.length, top + side * y / indices.length);
  }
}
