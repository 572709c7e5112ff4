package org.facematch.engine.control.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * False matches in 1:N search: every search compares the probe with every face of the gallery, so
 * the expected false candidates per search are FMR(threshold) x faces. FMR is measured on the
 * labelled shared sets pooled (impostor pairs within each set, and across sets), and the table
 * gives, per gallery size, the false candidates to expect at the default thresholds and the
 * threshold a tenant needs for fewer than one. Where 1/faces lies below the smallest FMR the pairs
 * can show, the impostor tail is extrapolated from a normal fit of the impostor cosines, and the
 * table says so.
 *
 * <p>Cross-set pairs are impostors unless the sets share a person; such pairs show as cross-set
 * pairs above the smallest genuine cosine and are listed, so a reader can judge them.
 *
 * <p>{@code mvn -q -pl facematch-domain -Pbenchmark -Dbench=Fmr [-Dmodel=faceplugin-0.0.1]
 * [-Dfacematch.shared.faces=../shared/faces]}
 */
public final class FmrBenchmark {

  record Face(String set, String identity, float[] vector, String file) {}

  static LocalModel model;

  public static void main(String[] args) throws IOException {
    model = LocalModel.byId(System.getProperty("model", LocalModel.FACEPLUGIN.id())).orElseThrow();
    Path faces = Path.of(System.getProperty("facematch.shared.faces", "../shared/faces"));
    OnnxFaceModel engine =
        OnnxFaceModel.load(Optional.empty(), false, 1, OnnxFaceModel.MIN_FACE_HEIGHT);
    List<Face> pool = new ArrayList<>();
    try (var sets = Files.list(faces)) {
      for (Path set : sets.sorted().toList()) {
        // the 23x28 copies of ORL are the same people, and too small to be enrolled anyway
        if (Files.isRegularFile(set.resolve("labels.csv"))
            && !set.getFileName().toString().contains("tiny")) {
          for (FaceBenchmark.Result r : FaceBenchmark.evaluate(set, engine, 1, model).acquired()) {
            pool.add(
                new Face(
                    set.getFileName().toString(),
                    r.sample().identity(),
                    r.embedding().vector(),
                    r.sample().file()));
          }
        }
      }
    } finally {
      engine.stop();
    }
    List<Double> genuine = new ArrayList<>();
    List<Double> within = new ArrayList<>();
    List<Double> across = new ArrayList<>();
    List<String> suspicious = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      for (int j = i + 1; j < pool.size(); j++) {
        Face a = pool.get(i);
        Face b = pool.get(j);
        double cosine = dot(a.vector(), b.vector());
        if (!a.set().equals(b.set())) {
          across.add(cosine);
        } else if (a.identity().equals(b.identity())) {
          genuine.add(cosine);
        } else {
          within.add(cosine);
        }
      }
    }
    double minGenuine = genuine.stream().mapToDouble(d -> d).min().orElse(1);
    for (int i = 0; i < pool.size(); i++) {
      for (int j = i + 1; j < pool.size(); j++) {
        Face a = pool.get(i);
        Face b = pool.get(j);
        double cosine = dot(a.vector(), b.vector());
        if (!a.set().equals(b.set())
            && cosine >= Math.max(minGenuine, model.calibration().cosineFor(0.6))) {
          suspicious.add(
              String.format(
                  Locale.ROOT,
                  "%s/%s ~ %s/%s: similarity %.3f",
                  a.set(),
                  a.file(),
                  b.set(),
                  b.file(),
                  model.calibration().score(cosine)));
        }
      }
    }
    List<Double> impostor = new ArrayList<>(within);
    impostor.addAll(across);
    double[] imp = impostor.stream().mapToDouble(d -> d).sorted().toArray();
    double[] gen = genuine.stream().mapToDouble(d -> d).sorted().toArray();
    FaceBenchmark.Metrics pooled = FaceBenchmark.Metrics.of(genuine, impostor);
    System.out.printf(
        Locale.ROOT,
        "%s pooled: AUC %.5f, EER %.3f%% (cosine %.3f); cosine at FMR 1e-2 %.3f (TAR %.4f),"
            + " 1e-3 %.3f (TAR %.4f), 1e-4 %.3f (TAR %.4f)%n",
        model.id(),
        pooled.auc(),
        100 * pooled.eer(),
        pooled.eerThreshold(),
        pooled.thresholdAtFar(1e-2),
        pooled.tarAbove(pooled.thresholdAtFar(1e-2)),
        pooled.thresholdAtFar(1e-3),
        pooled.tarAbove(pooled.thresholdAtFar(1e-3)),
        pooled.thresholdAtFar(1e-4),
        pooled.tarAbove(pooled.thresholdAtFar(1e-4)));
    System.out.printf(
        Locale.ROOT,
        "pooled: %d faces, %d genuine pairs, %d impostor pairs (%d within sets, %d across)%n",
        pool.size(),
        gen.length,
        imp.length,
        within.size(),
        across.size());
    System.out.printf(
        Locale.ROOT,
        "cross-set pairs at or above similarity 0.6 (possibly one person in two sets): %d%s%n",
        suspicious.size(),
        suspicious.isEmpty() ? "" : "\n  " + String.join("\n  ", suspicious));
    double mean = Arrays.stream(imp).average().orElse(0);
    double sd =
        Math.sqrt(Arrays.stream(imp).map(x -> (x - mean) * (x - mean)).sum() / (imp.length - 1));
    System.out.printf(
        Locale.ROOT,
        "impostor cosine: mean %.4f, sd %.4f, max %.4f (similarity %.3f)%n",
        mean,
        sd,
        imp[imp.length - 1],
        model.calibration().score(imp[imp.length - 1]));
    for (double similarity : new double[] {0.6, 0.8}) {
      double cosine = model.calibration().cosineFor(similarity);
      long above = Arrays.stream(imp).filter(x -> x >= cosine).count();
      System.out.printf(
          Locale.ROOT,
          "similarity >= %.1f (cosine %.3f): %d impostor pairs = FMR %.2e measured"
              + " (%.2e from the normal fit); genuine accepted %.4f%n",
          similarity,
          cosine,
          above,
          above / (double) imp.length,
          normalTail((cosine - mean) / sd),
          Arrays.stream(gen).filter(x -> x >= cosine).count() / (double) gen.length);
    }
    System.out.println();
    System.out.println(
        "| faces | false candidates per search at 0.6 | at 0.8 | threshold for < 1 | genuine"
            + " accepted there | from |");
    System.out.println("|---|---|---|---|---|---|");
    for (long n : new long[] {10_000, 100_000, 1_000_000, 10_000_000}) {
      double fmr = 1.0 / n;
      double cosine;
      String from;
      if (fmr * imp.length >= 10) {
        cosine = imp[(int) Math.min(imp.length - 1, Math.ceil(imp.length * (1 - fmr)))];
        from = "measured pairs";
      } else {
        cosine = mean + sd * inverseNormalTail(fmr);
        from = "normal fit of the tail (extrapolated)";
      }
      double genuineAccepted =
          Arrays.stream(gen).filter(x -> x >= cosine).count() / (double) gen.length;
      System.out.printf(
          Locale.ROOT,
          "| %,d | %s | %s | similarity %.3f | %.4f | %s |%n",
          n,
          expected(imp, mean, sd, 0.6, n),
          expected(imp, mean, sd, 0.8, n),
          model.calibration().score(cosine),
          genuineAccepted,
          from);
    }
  }

  /** Expected false candidates per search: measured when the pairs show it, else from the fit. */
  static String expected(double[] imp, double mean, double sd, double similarity, long n) {
    double cosine = model.calibration().cosineFor(similarity);
    long above = Arrays.stream(imp).filter(x -> x >= cosine).count();
    if (above >= 10) {
      return String.format(Locale.ROOT, "%.3g", above / (double) imp.length * n);
    }
    return String.format(
        Locale.ROOT, "%.3g (fit; %d pairs seen)", normalTail((cosine - mean) / sd) * n, above);
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** P(Z >= z) for a standard normal Z (Abramowitz and Stegun 7.1.26 on erfc). */
  static double normalTail(double z) {
    if (z < 0) {
      return 1 - normalTail(-z);
    }
    double x = z / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erfc =
        t
            * (0.254829592
                + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
            * Math.exp(-x * x);
    return erfc / 2;
  }

  /** z with P(Z >= z) = p, by bisection. */
  static double inverseNormalTail(double p) {
    double lo = -10;
    double hi = 10;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (normalTail(mid) > p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
