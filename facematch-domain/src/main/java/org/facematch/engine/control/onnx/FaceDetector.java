package org.facematch.engine.control.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.facematch.engine.entity.FaceBox;
import org.facematch.image.entity.DecodedImage;

/**
 * Finds faces: the image is letterboxed (aspect kept, grey borders) into the detector's 320x240
 * input; stretching it measurably hurts. Boxes come back already decoded, in 0..1 of the input.
 */
final class FaceDetector {

  static final int WIDTH = 320;
  static final int HEIGHT = 240;
  static final double NMS_IOU = 0.4;

  record Detection(FaceBox box, double score) {}

  private final Models models;
  private final FloatBuffer staging = Models.staging(3 * WIDTH * HEIGHT);

  FaceDetector(Models models) {
    this.models = models;
  }

  /**
   * A face that fills the whole frame (a tight crop, an ID photo) is often missed; when nothing is
   * found, the image is tried once more at half size inside a grey border. On the ORL set this
   * recovers every image the first pass misses.
   */
  List<Detection> detect(DecodedImage image, double minScore) throws OrtException {
    List<Detection> found = detect(image, minScore, 1.0);
    return found.isEmpty() ? detect(image, minScore, 0.5) : found;
  }

  private List<Detection> detect(DecodedImage image, double minScore, double inset)
      throws OrtException {
    double scale =
        inset * Math.min((double) WIDTH / image.width(), (double) HEIGHT / image.height());
    int scaledW = Math.max(1, (int) Math.round(image.width() * scale));
    int scaledH = Math.max(1, (int) Math.round(image.height() * scale));
    int padX = (WIDTH - scaledW) / 2;
    int padY = (HEIGHT - scaledH) / 2;
    float[] input = new float[3 * WIDTH * HEIGHT]; // 0 = grey 127 after normalisation
    int plane = WIDTH * HEIGHT;
    int[] scaled =
        Pixels.resample(
            image.pixels(),
            image.width(),
            image.height(),
            0,
            0,
            image.width(),
            image.height(),
            scaledW,
            scaledH);
    for (int y = 0; y < scaledH; y++) {
      for (int x = 0; x < scaledW; x++) {
        int p = scaled[y * scaledW + x];
        int i = (y + padY) * WIDTH + x + padX;
        input[i] = (((p >> 16) & 0xFF) - 127f) / 128f;
        input[plane + i] = (((p >> 8) & 0xFF) - 127f) / 128f;
        input[2 * plane + i] = ((p & 0xFF) - 127f) / 128f;
      }
    }

    List<Detection> candidates = new ArrayList<>();
    try (OnnxTensor tensor = models.tensor(staging, input, 1, 3, HEIGHT, WIDTH);
        OrtSession.Result result = models.detector.run(Map.of("input", tensor))) {
      FloatBuffer scores = ((OnnxTensor) result.get("scores").orElseThrow()).getFloatBuffer();
      FloatBuffer boxes = ((OnnxTensor) result.get("boxes").orElseThrow()).getFloatBuffer();
      int anchors = scores.remaining() / 2;
      for (int i = 0; i < anchors; i++) {
        float score = scores.get(2 * i + 1);
        if (score < minScore) {
          continue;
        }
        double x1 = clamp((boxes.get(4 * i) * WIDTH - padX) / scale, image.width());
        double y1 = clamp((boxes.get(4 * i + 1) * HEIGHT - padY) / scale, image.height());
        double x2 = clamp((boxes.get(4 * i + 2) * WIDTH - padX) / scale, image.width());
        double y2 = clamp((boxes.get(4 * i + 3) * HEIGHT - padY) / scale, image.height());
        if (x2 - x1 >= 2 && y2 - y1 >= 2) {
          candidates.add(new Detection(new FaceBox(x1, y1, x2 - x1, y2 - y1), score));
        }
      }
    }
    return nonMaximumSuppression(candidates);
  }

  static List<Detection> nonMaximumSuppression(List<Detection> candidates) {
    candidates.sort(Comparator.comparingDouble(Detection::score).reversed());
    List<Detection> kept = new ArrayList<>();
    for (Detection candidate : candidates) {
      if (kept.stream().noneMatch(k -> iou(k.box(), candidate.box()) > NMS_IOU)) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  static double iou(FaceBox a, FaceBox b) {
    double ix =
        Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
    double iy =
        Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
    double intersection = ix * iy;
    return intersection / (a.area() + b.area() - intersection);
  }

  private static double clamp(double v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
