package org.facematch.engine.control.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** The 512-d template of an aligned 112x112 face, L2-normalised. */
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
  float[] embed(int[] aligned) throws OrtException {
    float[] vector = run(aligned, false);
    if (flipAverage) {
      float[] mirrored = run(aligned, true);
      for (int i = 0; i < vector.length; i++) {
        vector[i] += mirrored[i];
      }
    }
    return normalised(vector);
  }

  private float[] run(int[] aligned, boolean mirror) throws OrtException {
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
    try (OnnxTensor tensor = models.tensor(staging, input, 1, 3, SIZE, SIZE);
        OrtSession.Result result = models.embedder.run(Map.of("input", tensor))) {
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
