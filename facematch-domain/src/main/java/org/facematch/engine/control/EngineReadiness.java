package org.facematch.engine.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Loads the face engine when the application starts, not on the first request, and reports it:
 * the service is ready only once its models are loaded.
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

  @Inject FaceEngine engine;

  void loadAtStartup(@Observes Startup startup) {
    engine.modelId();
  }

  @Override
  public HealthCheckResponse call() {
    try {
      return HealthCheckResponse.named("face-engine").up().withData("model", engine.modelId()).build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("face-engine").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
