package org.facematch.engine.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.facematch.engine.control.onnx.LocalFaceEngine;
import org.facematch.engine.control.rekognition.RekognitionFaceEngine;
import org.facematch.engine.entity.EngineChoice;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * Which engine serves a tenant: the one its {@code model_version} names. The local engine is always
 * there; the Rekognition client is built on first use, so a server that never serves a Rekognition
 * tenant never talks to AWS.
 */
@ApplicationScoped
public class FaceEngines {

  @Inject LocalFaceEngine local;

  @Inject
  @ConfigProperty(name = "facematch.engine.default")
  Optional<String> defaultModel;

  @Inject
  @ConfigProperty(name = "facematch.rekognition.region", defaultValue = "us-east-1")
  String region;

  @Inject
  @ConfigProperty(name = "facematch.rekognition.endpoint")
  Optional<URI> endpoint;

  @Inject
  @ConfigProperty(name = "facematch.rekognition.max-attempts", defaultValue = "3")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "facematch.rekognition.timeout-ms", defaultValue = "10000")
  long timeoutMillis;

  private RekognitionFaceEngine rekognition;

  /** The engine a new tenant gets. */
  public String defaultModel() {
    return defaultModel
        .map(
            id ->
                EngineChoice.byId(id)
                    .orElseThrow(
                        () ->
                            new FaceMatchException(
                                Problem.ENGINE_UNAVAILABLE,
                                "facematch.engine.default must be one of "
                                    + EngineChoice.offered())))
        .orElse(EngineChoice.LOCAL)
        .id();
  }

  /**
   * The engine for a tenant's {@code model_version}, or for the model a stored face was made with.
   */
  public FaceEngine of(String modelVersion) {
    return find(modelVersion)
        .orElseThrow(
            () ->
                new FaceMatchException(
                    Problem.ENGINE_UNAVAILABLE,
                    "The model_version '"
                        + modelVersion
                        + "' is not served here; choose one of "
                        + EngineChoice.offered()));
  }

  public Optional<FaceEngine> find(String modelVersion) {
    return EngineChoice.byId(modelVersion).map(this::of);
  }

  /**
   * The one place that maps each choice to its engine: a new choice does not compile without it.
   */
  public FaceEngine of(EngineChoice choice) {
    return switch (choice) {
      case LOCAL -> local;
      case REKOGNITION -> rekognition();
    };
  }

  private synchronized RekognitionFaceEngine rekognition() {
    if (rekognition == null) {
      rekognition =
          RekognitionFaceEngine.connect(
              region, endpoint, maxAttempts, Duration.ofMillis(timeoutMillis));
    }
    return rekognition;
  }

  @PreDestroy
  synchronized void close() {
    if (rekognition != null) {
      rekognition.close();
    }
  }
}
