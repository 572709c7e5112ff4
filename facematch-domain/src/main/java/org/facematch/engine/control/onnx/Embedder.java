package org.facematch.engine.control.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * The template of an aligned 112x112 face, L2-normalised: {@code fr_feature}'s 512 floats, or for
 * {@link LocalModel#FUSED} those beside MobileFaceNet's 192, both from the same input planes.
 */
final class Embedder {

  static final int SIZE = FaceAligner.SIZE;

  private final Models models;
  private final FloatBuffer staging = Models.staging(3 * SIZE * SIZE);
  private final boolean flipAverage;

  Embedder(Models models, boolean flipAverage) {
    this.models = models;
    this.flipAverage = flipAverage;
  }

  /**
   * With flip averaging the template is the sum of the face's and its mirror image's vectors: a
   * little more robust to pose and lighting asymmetry, at twice the cost.
   */
  float[] embed(int[] aligned, LocalModel model) throws OrtException {
    float[] planes = planes(aligned, false);
    float[] vector = run(models.embedder, planes);
    if (flipAverage) {
      float[] mirrored = run(models.embedder, planes(aligned, true));
      for (int i = 0; i < vector.length; i++) {
        vector[i] += mirrored[i];
      }
    }
    normalised(vector);
    return model == LocalModel.FUSED
        ? fused(vector, normalised(run(models.mobileFaceNet(), planes)))
        : vector;
  }

  /**
   * Two unit vectors side by side, scaled to unit length again: the cosine of two such templates is
   * the mean of the two models' cosines, so one index and one threshold serve both.
   */
  static float[] fused(float[] a, float[] b) {
    float[] both = new float[a.length + b.length];
    float scale = (float) (1 / Math.sqrt(2));
    for (int i = 0; i < a.length; i++) {
      both[i] = a[i] * scale;
    }
    for (int i = 0; i < b.length; i++) {
      both[a.length + i] = b[i] * scale;
    }
    return both;
  }

  /** The planes both embedders take: RGB, (v - 127) / 128, channel-major. */
  private static float[] planes(int[] aligned, boolean mirror) {
    int plane = SIZE * SIZE;
    float[] input = new float[3 * plane];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int p = aligned[y * SIZE + (mirror ? SIZE - 1 - x : x)];
        int i = y * SIZE + x;
        input[i] = (((p >> 16) & 0xFF) - 127f) / 128f;
        input[plane + i] = (((p >> 8) & 0xFF) - 127f) / 128f;
        input[2 * plane + i] = ((p & 0xFF) - 127f) / 128f;
      }
    }
    return input;
  }

  private float[] run(OrtSession session, float[] input) throws OrtException {
    try (OnnxTensor tensor = models.tensor(staging, input, 1, 3, SIZE, SIZE);
        OrtSession.Result result = session.run(Map.of("input", tensor))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] vector = new float[out.remaining()];
      out.get(vector);
      return vector;
    }
  }

  static float[] normalised(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float inv = (float) (1 / Math.sqrt(Math.max(sum, 1e-12)));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }
}
