package org.facematch.engine.control.onnx;

import ai.onnxruntime.OrtException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.facematch.engine.entity.DetectedFace;
import org.facematch.engine.entity.Embedding;
import org.facematch.engine.entity.FaceAnalysis;
import org.facematch.engine.entity.FaceBox;
import org.facematch.engine.entity.FaceQuality;
import org.facematch.engine.entity.Point;
import org.facematch.engine.entity.QualityWarning;
import org.facematch.engine.entity.Similarity;
import org.facematch.image.entity.DecodedImage;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * The local engine's models: ONNX Runtime on the CPU, no cloud account. Detection, landmarks,
 * alignment to the ArcFace template, a 512-d template and a calibrated cosine. At most one request
 * per core runs the models at a time, on the engine's own threads; the rest wait their turn.
 */
@ApplicationScoped
public class OnnxFaceModel {

  public static final String MODEL_ID = LocalModel.FACEPLUGIN.id();
  private static final System.Logger LOGGER = System.getLogger(OnnxFaceModel.class.getName());

  /** Detections below this score are ignored; the detector's false positives reach ~0.8. */
  static final double MIN_DETECTION_SCORE = 0.65;

  /**
   * Human faces put their eyes 0.26-0.56 box widths apart (shared sets, frontal to half profile);
   * the detector's confident animal "faces" put them at 0.16-0.18. Below this, it is no face.
   */
  static final double MIN_EYE_DISTANCE_TO_WIDTH = 0.2;

  /** Faces shorter than this (decoded pixels) give templates too weak to match: refused. */
  public static final int MIN_FACE_HEIGHT = 64;

  /** Cosines measured with this pipeline on the shared labelled sets; see README "Calibration". */
  static final SimilarityCalibration CALIBRATION = LocalModel.FACEPLUGIN.calibration();

  @Inject
  @ConfigProperty(name = "facematch.engine.onnx.model-dir")
  Optional<Path> modelDir;

  @Inject
  @ConfigProperty(name = "facematch.engine.onnx.flip-average", defaultValue = "false")
  boolean flipAverage;

  @Inject
  @ConfigProperty(name = "facematch.engine.onnx.concurrency", defaultValue = "0")
  int concurrency;

  @Inject
  @ConfigProperty(
      name = "facematch.engine.onnx.min-face-height",
      defaultValue = "" + MIN_FACE_HEIGHT)
  int minFaceHeight;

  /**
   * One engine thread's own sessions and the steps built on them; the steps keep per-thread input
   * buffers.
   */
  private record Pipeline(
      Models models, FaceDetector detector, LandmarkLocator landmarks, Embedder embedder) {}

  /** A thread that runs the models, on sessions it created itself: see {@link Models}. */
  private static final class EngineThread extends Thread {
    private Pipeline pipeline;

    EngineThread(Runnable work, String name) {
      super(work, name);
      setDaemon(true);
    }
  }

  private ExecutorService engineThreads;
  private long loadMillis;

  /** For use outside a container (tests, benchmark). */
  public static OnnxFaceModel load(
      Optional<Path> modelDir, boolean flipAverage, int concurrency, int minFaceHeight) {
    OnnxFaceModel engine = new OnnxFaceModel();
    engine.modelDir = modelDir;
    engine.flipAverage = flipAverage;
    engine.concurrency = concurrency;
    engine.minFaceHeight = minFaceHeight;
    engine.start();
    return engine;
  }

  @PostConstruct
  void start() {
    long begin = System.nanoTime();
    int permits = concurrency > 0 ? concurrency : defaultThreads();
    CountDownLatch loaded = new CountDownLatch(permits);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            permits,
            permits,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            engineThreads(loaded, failure));
    pool.prestartAllCoreThreads();
    engineThreads = pool;
    try {
      if (!loaded.await(2, TimeUnit.MINUTES) || failure.get() != null) {
        pool.shutdownNow();
        throw new IllegalStateException("Cannot load the face models", failure.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
      throw new IllegalStateException("Interrupted while loading the face models", e);
    }
    loadMillis = (System.nanoTime() - begin) / 1_000_000;
    LOGGER.log(
        Level.INFO,
        "Face engine {0} loaded in {1} ms from {2}; {3} engine threads, flip averaging {4}",
        MODEL_ID,
        loadMillis,
        modelDir.map(Path::toString).orElse("the packaged models"),
        permits,
        flipAverage);
  }

  @PreDestroy
  public void stop() {
    engineThreads.shutdownNow();
  }

  /**
   * Each engine thread loads its own sessions before its first task and closes them when it ends.
   */
  private ThreadFactory engineThreads(
      CountDownLatch loaded, AtomicReference<RuntimeException> failure) {
    AtomicInteger number = new AtomicInteger();
    return task ->
        new EngineThread(
            () -> {
              EngineThread self = (EngineThread) Thread.currentThread();
              try {
                self.pipeline = loadPipeline(modelDir, flipAverage);
              } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                return;
              } finally {
                loaded.countDown();
              }
              try {
                task.run();
              } finally {
                self.pipeline.models().close();
              }
            },
            "face-engine-" + number.incrementAndGet());
  }

  /**
   * One engine thread per physical core: a core's second hardware thread shares its caches and
   * units, so two sessions on one core gain little and double each request's latency. Measured on
   * the 2-core development machine (no SMT): one engine thread 41 verifies/s, two 69/s.
   */
  static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / threadsPerCore(CPU0_SIBLINGS));
  }

  private static final Path CPU0_SIBLINGS =
      Path.of("/sys/devices/system/cpu/cpu0/topology/thread_siblings_list");

  /**
   * Hardware threads per core, from the kernel's list of cpu0's siblings ("0", "0,4" or "0-1"); 1
   * if unknown.
   */
  static int threadsPerCore(Path siblings) {
    try {
      int count = 0;
      for (String part : Files.readString(siblings).trim().split(",")) {
        String[] range = part.split("-");
        count +=
            range.length == 2
                ? Integer.parseInt(range[1].trim()) - Integer.parseInt(range[0].trim()) + 1
                : 1;
      }
      return Math.max(1, count);
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  private static Pipeline loadPipeline(Optional<Path> modelDir, boolean flipAverage) {
    Models models = Models.load(modelDir);
    return new Pipeline(
        models,
        new FaceDetector(models),
        new LandmarkLocator(models),
        new Embedder(models, flipAverage));
  }

  private static Pipeline pipeline() {
    return ((EngineThread) Thread.currentThread()).pipeline;
  }

  public long loadMillis() {
    return loadMillis;
  }

  public String modelId() {
    return MODEL_ID;
  }

  public List<DetectedFace> detect(DecodedImage image) {
    return withSlot(() -> candidates(image, true).stream().map(Candidate::face).toList());
  }

  public FaceAnalysis analyze(DecodedImage image) {
    return analyze(image, LocalModel.FACEPLUGIN);
  }

  public FaceAnalysis analyze(DecodedImage image, LocalModel model) {
    return await(analyzeLater(() -> image, model));
  }

  /**
   * Decodes and analyses the image on an engine thread and returns at once, so that a caller with
   * two images can have both done at the same time on two cores; {@link #await} gives the result.
   * The image's bytes should be in memory already: an engine thread must not wait for storage.
   */
  public Future<FaceAnalysis> analyzeLater(Supplier<DecodedImage> decoded) {
    return analyzeLater(decoded, LocalModel.FACEPLUGIN);
  }

  public Future<FaceAnalysis> analyzeLater(Supplier<DecodedImage> decoded, LocalModel model) {
    return engineThreads.submit(
        () -> {
          DecodedImage image = decoded.get();
          List<Candidate> faces = candidates(image, false);
          if (faces.isEmpty()) {
            throw new FaceMatchException(
                Problem.NO_FACE_DETECTED, "No face was found in the image");
          }
          DetectedFace subject = faces.get(0).face();
          if (subject.box().height() / image.subsampling() < minFaceHeight) {
            throw new FaceMatchException(
                Problem.FACE_TOO_SMALL,
                "The face is "
                    + Math.round(subject.box().height())
                    + " pixels high; at least "
                    + minFaceHeight
                    + " are needed");
          }
          Embedding embedding =
              new Embedding(pipeline().embedder().embed(faces.get(0).aligned(), model), model.id());
          List<QualityWarning> warnings = new ArrayList<>(subject.quality().warnings());
          if (faces.size() > 1) {
            warnings.add(QualityWarning.MULTIPLE_FACES_DETECTED);
          }
          return new FaceAnalysis(subject, faces.size(), embedding, List.copyOf(warnings));
        });
  }

  public Similarity compare(Embedding a, Embedding b) {
    double cosine = a.cosine(b);
    LocalModel model = LocalModel.byId(a.modelId()).orElse(LocalModel.FACEPLUGIN);
    return new Similarity(model.calibration().score(cosine), cosine, model.id());
  }

  public Similarity similarity(double raw) {
    return new Similarity(CALIBRATION.score(raw), raw, MODEL_ID);
  }

  public double rawFor(double threshold) {
    return CALIBRATION.cosineFor(Math.max(1e-9, Math.min(1 - 1e-9, threshold)));
  }

  /** The raw cosine a calibrated threshold stands for (for benchmarks and the console's hints). */
  public static double cosineFor(double threshold) {
    return CALIBRATION.cosineFor(threshold);
  }

  public static double scoreFor(double cosine) {
    return CALIBRATION.score(cosine);
  }

  /** A detected face and its aligned crop, which quality and the template both need. */
  private record Candidate(DetectedFace face, int[] aligned) {}

  /**
   * The plausible faces, largest first. Only the largest is aligned and assessed unless every
   * face's quality is wanted: a verify of two group photos would otherwise align every bystander.
   */
  private List<Candidate> candidates(DecodedImage image, boolean assessAll) throws OrtException {
    List<FaceDetector.Detection> detections =
        new ArrayList<>(pipeline().detector().detect(image, MIN_DETECTION_SCORE));
    detections.sort(
        Comparator.comparingDouble((FaceDetector.Detection d) -> d.box().area()).reversed());
    List<Candidate> faces = new ArrayList<>();
    for (FaceDetector.Detection d : detections) {
      List<Point> points = pipeline().landmarks().locate(image, d.box());
      if (!plausible(points, d.box())) {
        continue;
      }
      int[] aligned = null;
      FaceQuality quality = null;
      if (assessAll || faces.isEmpty()) {
        aligned = FaceAligner.align(image, points);
        quality =
            QualityAssessor.assess(
                aligned, points, d.box().height(), image.subsampling(), d.score());
      }
      faces.add(
          new Candidate(
              new DetectedFace(
                  original(d.box(), image), original(points, image), d.score(), quality),
              aligned));
    }
    return faces;
  }

  private static boolean plausible(List<Point> points, FaceBox box) {
    double eyes =
        Math.hypot(points.get(1).x() - points.get(0).x(), points.get(1).y() - points.get(0).y());
    return eyes >= MIN_EYE_DISTANCE_TO_WIDTH * box.width();
  }

  /**
   * Boxes and points are reported in the original image's pixels; the pipeline works on decoded
   * ones.
   */
  private static FaceBox original(FaceBox box, DecodedImage image) {
    int s = image.subsampling();
    return new FaceBox(box.x() * s, box.y() * s, box.width() * s, box.height() * s);
  }

  private static List<Point> original(List<Point> points, DecodedImage image) {
    int s = image.subsampling();
    return points.stream().map(p -> new Point(p.x() * s, p.y() * s)).toList();
  }

  private interface Work<T> {
    T run() throws OrtException;
  }

  /**
   * Runs the models on an engine thread: at most one request per core at a time, the others queue
   * in arrival order. There is no global lock.
   */
  private <T> T withSlot(Work<T> work) {
    return await(engineThreads.submit(work::run));
  }

  /** The result of work handed to the engine threads, with the engine's failures as problems. */
  public <T> T await(Future<T> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new FaceMatchException(
          Problem.ENGINE_UNAVAILABLE, "Interrupted while waiting for the face engine");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      LOGGER.log(Level.ERROR, "ONNX Runtime failed", e.getCause());
      throw new FaceMatchException(Problem.ENGINE_UNAVAILABLE, "The face engine failed");
    }
  }
}
