package org.facematch.schema.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers and every schema migration has been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try {
      boolean upToDate = migrations.isUpToDate();
      migrations.appliedVersion().ifPresent(v -> response.withData("schema_version", v));
      return response.status(upToDate).build();
    } catch (RuntimeException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
