package org.facematch.engine.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.facematch.engine.control.onnx.OnnxFaceModel;

/**
 * Loads the local engine's models when the application starts, not on the first request, and
 * reports them: the service is ready only once they are loaded. (Rekognition is not probed: a
 * readiness check must not cost an AWS call.)
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

  @Inject OnnxFaceModel engine;

  void loadAtStartup(@Observes Startup startup) {
    engine.modelId();
  }

  @Override
  public HealthCheckResponse call() {
    try {
      return HealthCheckResponse.named("face-engine")
          .up()
          .withData("model", engine.modelId())
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("face-engine")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
