package org.facematch.schema.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the API and the console serve requests. The EJB module is up before the web
 * modules are: measured on a busy node, {@code /health/ready} said UP while the API still answered
 * 404 for some seconds, and a load balancer would have sent clients there.
 */
@Readiness
@ApplicationScoped
public class WebReadiness implements HealthCheck {

  public static final String API = "api";
  public static final String CONSOLE = "console";

  private final Set<String> started = ConcurrentHashMap.newKeySet();

  /** A web module announces that it has started. */
  public void started(String module) {
    started.add(module);
  }

  public void stopped(String module) {
    started.remove(module);
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("web-modules")
        .status(started.contains(API) && started.contains(CONSOLE))
        .withData("started", String.join(",", started.stream().sorted().toList()))
        .build();
  }
}
