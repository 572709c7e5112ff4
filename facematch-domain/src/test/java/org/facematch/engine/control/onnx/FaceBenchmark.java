package org.facematch.engine.control.onnx;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.facematch.engine.entity.Embedding;
import org.facematch.engine.entity.FaceAnalysis;
import org.facematch.image.control.ImageIntake;
import org.facematch.image.entity.DecodedImage;
import org.facematch.image.entity.ImageFormat;
import org.facematch.kernel.entity.FaceMatchException;

/**
 * Verification accuracy and speed of the local engine on any folder with a {@code labels.csv}
 * ({@code file,identity}): every same-identity pair is genuine, every other pair an impostor.
 * Images where no usable face is found count as failures to acquire and join no pair.
 *
 * <p>{@code mvn -q -pl facematch-domain -Pbenchmark -Dbench=Face -Dfaces=<folder> [-Dfit=640x480]
 * [-Dscale=0.5] [-Dflip=true] [-DminFace=64]}
 */
public final class FaceBenchmark {

  public record Sample(String file, String identity) {}

  public record Result(
      Sample sample,
      Embedding embedding,
      long decodeNanos,
      long engineNanos,
      String failure,
      double faceHeight) {}

  public static void main(String[] args) throws IOException {
    String faces = args.length > 0 ? args[0] : System.getProperty("faces", "");
    if (faces.isBlank()) {
      System.err.println("usage: FaceBenchmark <folder with labels.csv>");
      System.exit(2);
    }
    Path folder = Path.of(faces);
    boolean flip = Boolean.getBoolean("flip");
    int minFace = Integer.getInteger("minFace", OnnxFaceModel.MIN_FACE_HEIGHT);
    double scale = Double.parseDouble(System.getProperty("scale", "1"));
    String fit = System.getProperty("fit", "");
    if (!fit.isBlank()) {
      folder = fitted(folder, fit);
    }
    long loadBegin = System.nanoTime();
    OnnxFaceModel engine = OnnxFaceModel.load(Optional.empty(), flip, 1, minFace);
    double loadMs = (System.nanoTime() - loadBegin) / 1e6;
    try {
      for (String id :
          System.getProperty("models", LocalModel.FACEPLUGIN.id() + "," + LocalModel.FUSED.id())
              .split(",")) {
        LocalModel model = LocalModel.byId(id.strip()).orElseThrow();
        System.out.print(
            evaluate(folder, engine, scale, model).describe(folder, flip, loadMs, model));
      }
    } finally {
      engine.stop();
    }
  }

  /** Runs the engine over the folder (after a short untimed warm-up) and scores every pair. */
  public static Report evaluate(Path folder, OnnxFaceModel engine, double scale)
      throws IOException {
    return evaluate(folder, engine, scale, LocalModel.FACEPLUGIN);
  }

  public static Report evaluate(Path folder, OnnxFaceModel engine, double scale, LocalModel model)
      throws IOException {
    List<Sample> samples = labels(folder);
    ImageIntake intake = new ImageIntake();
    for (Sample s : samples.subList(0, Math.min(10, samples.size()))) {
      run(folder, s, intake, engine, scale, model);
    }
    List<Result> results = new ArrayList<>();
    for (Sample s : samples) {
      results.add(run(folder, s, intake, engine, scale, model));
    }
    return Report.of(results);
  }

  static Result run(
      Path folder,
      Sample sample,
      ImageIntake intake,
      OnnxFaceModel engine,
      double scale,
      LocalModel model)
      throws IOException {
    byte[] bytes = asAcceptedFormat(Files.readAllBytes(folder.resolve(sample.file())), scale);
    long t0 = System.nanoTime();
    try {
      DecodedImage image = intake.decode(bytes, ImageIntake.MAX_STORED_BYTES);
      long t1 = System.nanoTime();
      FaceAnalysis analysis = engine.analyze(image, model);
      long t2 = System.nanoTime();
      return new Result(
          sample, analysis.embedding(), t1 - t0, t2 - t1, null, analysis.subject().box().height());
    } catch (FaceMatchException e) {
      return new Result(sample, null, 0, 0, e.problem().code(), 0);
    }
  }

  /**
   * Sets in formats the API does not take (ORL's PGM) are converted to PNG first; with {@code
   * -Dscale} every image is shrunk first, to measure accuracy against face size.
   */
  static byte[] asAcceptedFormat(byte[] bytes, double scale) throws IOException {
    boolean accepted = true;
    try {
      ImageFormat.of(bytes);
    } catch (FaceMatchException notAccepted) {
      accepted = false;
    }
    if (accepted && scale == 1) {
      return bytes;
    }
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      return bytes;
    }
    if (scale != 1) {
      int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
      // Centred on a grey canvas twice its size, so the detector still sees some context.
      BufferedImage small = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
      var g = small.createGraphics();
      g.setColor(java.awt.Color.GRAY);
      g.fillRect(0, 0, 2 * w, 2 * h);
      g.drawImage(
          image.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), w / 2, h / 2, null);
      g.dispose();
      image = small;
    }
    var png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  /**
   * With {@code -Dfit=640x480} every image is first letterboxed into that size and saved as a
   * quality-90 JPEG in a temporary folder, to time the typical upload instead of whatever
   * resolution the set has.
   */
  static Path fitted(Path folder, String size) throws IOException {
    int w = Integer.parseInt(size.split("x")[0]);
    int h = Integer.parseInt(size.split("x")[1]);
    Path out = Files.createTempDirectory("facematch-fit-");
    var labels = new StringBuilder("file,identity\n");
    for (Sample s : labels(folder)) {
      BufferedImage image = ImageIO.read(folder.resolve(s.file()).toFile());
      if (image == null) {
        continue;
      }
      double f = Math.min((double) w / image.getWidth(), (double) h / image.getHeight());
      int sw = (int) Math.round(image.getWidth() * f);
      int sh = (int) Math.round(image.getHeight() * f);
      BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      var g = canvas.createGraphics();
      g.drawImage(
          image.getScaledInstance(sw, sh, java.awt.Image.SCALE_AREA_AVERAGING),
          (w - sw) / 2,
          (h - sh) / 2,
          null);
      g.dispose();
      String name = s.file().replaceAll("[^A-Za-z0-9_-]", "_") + ".jpg";
      var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      var param = writer.getDefaultWriteParam();
      param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      try (var stream = ImageIO.createImageOutputStream(out.resolve(name).toFile())) {
        writer.setOutput(stream);
        writer.write(null, new javax.imageio.IIOImage(canvas, null, null), param);
      } finally {
        writer.dispose();
      }
      labels.append(name).append(',').append(s.identity()).append('\n');
    }
    Files.writeString(out.resolve("labels.csv"), labels);
    return out;
  }

  static List<Sample> labels(Path folder) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("labels.csv"))) {
      String[] cols = line.split(",");
      if (cols.length < 2 || line.startsWith("file,")) {
        continue;
      }
      samples.add(new Sample(cols[0].trim(), cols[1].trim()));
    }
    return samples;
  }

  /** Accuracy and latency of one run. */
  public record Report(List<Result> results, List<Result> acquired, Metrics metrics) {

    static Report of(List<Result> results) {
      List<Result> acquired = results.stream().filter(r -> r.failure() == null).toList();
      List<Double> genuine = new ArrayList<>();
      List<Double> impostor = new ArrayList<>();
      for (int i = 0; i < acquired.size(); i++) {
        for (int j = i + 1; j < acquired.size(); j++) {
          double cosine = acquired.get(i).embedding().cosine(acquired.get(j).embedding());
          (acquired.get(i).sample().identity().equals(acquired.get(j).sample().identity())
                  ? genuine
                  : impostor)
              .add(cosine);
        }
      }
      return new Report(results, acquired, Metrics.of(genuine, impostor));
    }

    public double failureToAcquire() {
      return (double) (results.size() - acquired.size()) / results.size();
    }

    String describe(Path folder, boolean flip, double loadMs) {
      return describe(folder, flip, loadMs, LocalModel.FACEPLUGIN);
    }

    String describe(Path folder, boolean flip, double loadMs, LocalModel model) {
      var out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "folder                   %s (%s, flip averaging %s)%n",
              folder,
              model.id(),
              flip));
      out.append(String.format(Locale.ROOT, "model load               %.0f ms%n", loadMs));
      out.append(String.format(Locale.ROOT, "images                   %d%n", results.size()));
      out.append(
          String.format(
              Locale.ROOT,
              "failure to acquire       %d (%.2f%%)%s%n",
              results.size() - acquired.size(),
              100 * failureToAcquire(),
              failures(results)));
      Metrics m = metrics;
      out.append(
          String.format(
              Locale.ROOT,
              "genuine / impostor pairs %d / %d%n",
              m.genuine().length,
              m.impostor().length));
      if (m.genuine().length == 0 || m.impostor().length == 0) {
        return out.append("too few acquired images for genuine and impostor pairs\n").toString();
      }
      out.append(String.format(Locale.ROOT, "AUC                      %.5f%n", m.auc()));
      out.append(
          String.format(
              Locale.ROOT,
              "EER                      %.3f%% (cosine %.3f)%n",
              100 * m.eer(),
              m.eerThreshold()));
      for (double far : new double[] {1e-2, 1e-3, 1e-4}) {
        double t = m.thresholdAtFar(far);
        out.append(
            String.format(
                Locale.ROOT,
                "TAR @ FAR %-6s         %.4f (cosine %.3f = similarity %.3f)%n",
                far == 1e-2 ? "1e-2" : far == 1e-3 ? "1e-3" : "1e-4",
                m.tarAbove(t),
                t,
                model.calibration().score(t)));
      }
      for (double threshold : new double[] {0.6, 0.8}) {
        double cosine = model.calibration().cosineFor(threshold);
        out.append(
            String.format(
                Locale.ROOT,
                "similarity >= %.1f        cosine %.3f: FMR %.5f (%d pairs), FNMR %.4f%n",
                threshold,
                cosine,
                m.farAt(cosine),
                m.impostorsAtOrAbove(cosine),
                1 - m.tarAbove(cosine)));
      }
      out.append(String.format(Locale.ROOT, "max impostor cosine      %.3f%n", m.maxImpostor()));
      double[] heights = acquired.stream().mapToDouble(Result::faceHeight).sorted().toArray();
      out.append(
          String.format(
              Locale.ROOT,
              "face height px median    %.0f (min %.0f)%n",
              percentile(heights, 0.5),
              heights[0]));
      double[] decode =
          acquired.stream().mapToDouble(r -> r.decodeNanos() / 1e6).sorted().toArray();
      double[] engine =
          acquired.stream().mapToDouble(r -> r.engineNanos() / 1e6).sorted().toArray();
      out.append(
          String.format(
              Locale.ROOT,
              "decode ms  median / p90  %.2f / %.2f%n",
              percentile(decode, 0.5),
              percentile(decode, 0.9)));
      out.append(
          String.format(
              Locale.ROOT,
              "engine ms  median / p90  %.2f / %.2f%n",
              percentile(engine, 0.5),
              percentile(engine, 0.9)));
      return out.toString();
    }
  }

  private static String failures(List<Result> results) {
    List<String> failed =
        results.stream()
            .filter(r -> r.failure() != null)
            .map(r -> r.sample().file() + ":" + r.failure())
            .limit(10)
            .toList();
    return failed.isEmpty() ? "" : " " + failed;
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  /** Verification metrics over genuine and impostor scores. */
  public record Metrics(double[] genuine, double[] impostor) {

    static Metrics of(List<Double> genuine, List<Double> impostor) {
      double[] g = genuine.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] i = impostor.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Metrics(g, i);
    }

    /** Probability that a genuine pair outscores an impostor pair (ties count half). */
    public double auc() {
      double wins = 0;
      int j = 0;
      int k = 0;
      for (double g : genuine) {
        while (j < impostor.length && impostor[j] < g) {
          j++;
        }
        k = j;
        while (k < impostor.length && impostor[k] == g) {
          k++;
        }
        wins += j + 0.5 * (k - j);
      }
      return wins / ((double) genuine.length * impostor.length);
    }

    public double farAt(double threshold) {
      return (double) impostorsAtOrAbove(threshold) / impostor.length;
    }

    public int impostorsAtOrAbove(double threshold) {
      int idx = Arrays.binarySearch(impostor, threshold);
      int first = idx >= 0 ? firstIndex(impostor, idx) : -idx - 1;
      return impostor.length - first;
    }

    public double tarAbove(double threshold) {
      int idx = Arrays.binarySearch(genuine, threshold);
      int first = idx >= 0 ? firstIndex(genuine, idx) : -idx - 1;
      return (double) (genuine.length - first) / genuine.length;
    }

    /** The lowest threshold whose false accept rate does not exceed the target. */
    public double thresholdAtFar(double far) {
      int allowed = (int) Math.floor(far * impostor.length);
      return Math.nextUp(impostor[impostor.length - 1 - allowed]);
    }

    public double eer() {
      return eerPoint()[0];
    }

    public double eerThreshold() {
      return eerPoint()[1];
    }

    private double[] eerPoint() {
      double best = Double.MAX_VALUE;
      double[] point = {1, 0};
      double[] candidates = new double[genuine.length + impostor.length];
      System.arraycopy(genuine, 0, candidates, 0, genuine.length);
      System.arraycopy(impostor, 0, candidates, genuine.length, impostor.length);
      Arrays.sort(candidates);
      for (double t : candidates) {
        double far = farAt(t);
        double frr = 1 - tarAbove(t);
        if (Math.abs(far - frr) < best) {
          best = Math.abs(far - frr);
          point = new double[] {(far + frr) / 2, t};
        }
      }
      return point;
    }

    public double maxImpostor() {
      return impostor.length == 0 ? Double.NaN : impostor[impostor.length - 1];
    }

    private static int firstIndex(double[] a, int idx) {
      while (idx > 0 && a[idx - 1] == a[idx]) {
        idx--;
      }
      return idx;
    }
  }
}
