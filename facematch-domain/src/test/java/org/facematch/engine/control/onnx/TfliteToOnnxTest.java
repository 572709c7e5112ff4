package org.facematch.engine.control.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The build's conversion of MobileFaceNet from TFLite to ONNX is right: ONNX Runtime running the
 * converted model gives the template that an independent interpreter of the TFLite graph gives.
 */
class TfliteToOnnxTest {

  static final Path TFLITE = Path.of("target/mobilefacenet/MobileFaceNet.tflite");
  static final int SIZE = 112;

  @Test
  void onnxRuntimeOnTheConvertedModelAgreesWithTheTfliteGraphItself() throws Exception {
    byte[] tflite = Files.readAllBytes(TFLITE);
    byte[] onnx = packagedModel();
    assertThat(TfliteToOnnx.convert(tflite)).as("the conversion is repeatable").isEqualTo(onnx);
    TfliteReference reference = new TfliteReference(tflite);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Random random = new Random(7);
    try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
      for (int face = 0; face < 2; face++) {
        int[] rgb = new int[SIZE * SIZE];
        for (int p = 0; p < rgb.length; p++) {
          // smooth gradients with noise, closer to a photo than white noise
          int v = (p % SIZE + p / SIZE + random.nextInt(40) + 60 * face) & 0xFF;
          rgb[p] = v << 16 | ((v * 3) & 0xFF) << 8 | ((255 - v) & 0xFF);
        }
        float[] expected = reference.run(nhwc(rgb));
        float[] actual;
        try (OnnxTensor input =
                OnnxTensor.createTensor(
                    env, FloatBuffer.wrap(nchw(rgb)), new long[] {1, 3, SIZE, SIZE});
            OrtSession.Result result = session.run(Map.of("input", input))) {
          actual = ((float[][]) result.get(0).getValue())[0];
        }
        assertThat(actual).hasSize(192);
        double dot = 0;
        double na = 0;
        double nb = 0;
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
          dot += actual[i] * expected[i];
          na += actual[i] * actual[i];
          nb += expected[i] * expected[i];
          worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(dot / Math.sqrt(na * nb))
            .as("cosine of the two templates")
            .isGreaterThan(0.99999);
        assertThat(worst / Math.sqrt(nb / actual.length))
            .as("largest difference, relative")
            .isLessThan(1e-3);
      }
    }
  }

  static byte[] packagedModel() throws IOException {
    try (InputStream in =
        TfliteToOnnxTest.class.getResourceAsStream("/models/mobilefacenet/mobilefacenet.onnx")) {
      assertThat(in).as("the build converted the model").isNotNull();
      return in.readAllBytes();
    }
  }

  /** The planes the engine hands its embedders: (v - 127) / 128, channel-major. */
  static float[] nchw(int[] rgb) {
    int plane = SIZE * SIZE;
    float[] x = new float[3 * plane];
    for (int i = 0; i < plane; i++) {
      x[i] = (((rgb[i] >> 16) & 0xFF) - 127f) / 128f;
      x[plane + i] = (((rgb[i] >> 8) & 0xFF) - 127f) / 128f;
      x[2 * plane + i] = ((rgb[i] & 0xFF) - 127f) / 128f;
    }
    return x;
  }

  /** MobileFaceNet's own input as its TFLite graph takes it: (v - 127.5) / 128, pixel-major. */
  static float[] nhwc(int[] rgb) {
    float[] x = new float[3 * rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      x[3 * i] = (((rgb[i] >> 16) & 0xFF) - 127.5f) / 128f;
      x[3 * i + 1] = (((rgb[i] >> 8) & 0xFF) - 127.5f) / 128f;
      x[3 * i + 2] = ((rgb[i] & 0xFF) - 127.5f) / 128f;
    }
    return x;
  }
}
