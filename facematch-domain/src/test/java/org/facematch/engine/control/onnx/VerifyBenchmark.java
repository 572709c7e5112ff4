package org.facematch.engine.control.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.facematch.image.control.EngineImage;
import org.facematch.image.control.ImageIntake;
import org.facematch.image.control.TestImages;
import org.facematch.image.entity.DecodedImage;

/**
 * The verify work of the local engine without the server around it: where one verify of two 640x480
 * JPEGs spends its time (one stage after the other), and how many verifies per second {@link
 * LocalFaceEngine#compare} gives with 1, 2 and 4 callers. Tells the engine's share of the API
 * benchmark's numbers.
 *
 * <p>{@code mvn -q -pl facematch-domain -Pbenchmark -Dbench=Verify [-Dthreads=N]}
 */
public final class VerifyBenchmark {

  public static void main(String[] args) throws Exception {
    byte[] photo = TestImages.samplePhoto(2);
    String source = Base64.getEncoder().encodeToString(TestImages.vga(photo, 0, 0.92f));
    String target = Base64.getEncoder().encodeToString(TestImages.vga(photo, 40, 0.8f));
    int threads = Integer.getInteger("threads", 0);
    OnnxFaceModel model =
        OnnxFaceModel.load(Optional.empty(), false, threads, OnnxFaceModel.MIN_FACE_HEIGHT);
    ImageIntake intake = new ImageIntake();
    try {
      stages(model, intake, source, target);
      for (int clients : new int[] {1, 2, 4}) {
        throughput(model, intake, source, target, clients);
      }
    } finally {
      model.stop();
    }
  }

  private static void stages(
      OnnxFaceModel model, ImageIntake intake, String source, String target) {
    int rounds = 300;
    double[] base64 = new double[rounds];
    double[] decode = new double[rounds];
    double[] analyze = new double[rounds];
    for (int i = -50; i < rounds; i++) {
      long t0 = System.nanoTime();
      byte[] a = intake.fromBase64(source);
      byte[] b = intake.fromBase64(target);
      long t1 = System.nanoTime();
      DecodedImage da = intake.decode(a, ImageIntake.MAX_INLINE_BYTES);
      DecodedImage db = intake.decode(b, ImageIntake.MAX_INLINE_BYTES);
      long t2 = System.nanoTime();
      model.compare(model.analyze(da).embedding(), model.analyze(db).embedding());
      long t3 = System.nanoTime();
      if (i >= 0) {
        base64[i] = (t1 - t0) / 2e6;
        decode[i] = (t2 - t1) / 2e6;
        analyze[i] = (t3 - t2) / 2e6;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "per image, one caller: base64 %.2f ms, decode %.2f ms, analyze %.2f ms (medians of %d)%n",
        median(base64),
        median(decode),
        median(analyze),
        rounds);
  }

  private static void throughput(
      OnnxFaceModel model, ImageIntake intake, String source, String target, int clients)
      throws Exception {
    LocalFaceEngine engine = new LocalFaceEngine();
    engine.model = model;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<List<Double>>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                List<Double> latencies = new ArrayList<>();
                while (!stop.get()) {
                  long t0 = System.nanoTime();
                  engine.compare(
                      EngineImage.inline(intake.fromBase64(source)),
                      EngineImage.inline(intake.fromBase64(target)));
                  if (measuring.get()) {
                    latencies.add((System.nanoTime() - t0) / 1e6);
                  }
                }
                return latencies;
              }));
    }
    Thread.sleep(2000);
    measuring.set(true);
    long begin = System.nanoTime();
    Thread.sleep(10_000);
    stop.set(true);
    double seconds = (System.nanoTime() - begin) / 1e9;
    List<Double> all = new ArrayList<>();
    for (Future<List<Double>> f : futures) {
      all.addAll(f.get());
    }
    pool.shutdown();
    double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "verify, %d caller(s): p50 %.1f ms, p99 %.1f ms, %.1f verify/s%n",
        clients,
        sorted[sorted.length / 2],
        sorted[(int) (sorted.length * 0.99)],
        sorted.length / seconds);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
