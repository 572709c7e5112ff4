package org.facematch.engine.control.onnx;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Time per search of the in-memory index with 10,000 and 100,000 random 512-d templates (the index
 * scans exhaustively, so random data costs exactly what real templates cost).
 *
 * <p>{@code mvn -q -pl facematch-domain -Pbenchmark -Dbench=Index}
 */
public final class IndexBenchmark {

  public static void main(String[] args) {
    Random random = new Random(7);
    for (int size : new int[] {10_000, 100_000}) {
      EmbeddingIndex index = new EmbeddingIndex();
      for (int i = 0; i < size; i++) {
        index.put("bench", new EmbeddingIndex.Entry("f" + i, "m", unit(random)));
      }
      double[] millis = new double[200];
      for (int warm = 0; warm < 50; warm++) {
        index.search("bench", "m", unit(random), 0.4);
      }
      for (int i = 0; i < millis.length; i++) {
        float[] probe = unit(random);
        long begin = System.nanoTime();
        index.search("bench", "m", probe, 0.4);
        millis[i] = (System.nanoTime() - begin) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf(
          Locale.ROOT,
          "%,7d faces: search p50 %.2f ms, p99 %.2f ms, heap for templates %d MB%n",
          size,
          millis[100],
          millis[198],
          size * 512L * 4 / (1024 * 1024));
    }
  }

  private static float[] unit(Random random) {
    float[] v = new float[512];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      sum += v[i] * v[i];
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }
}
