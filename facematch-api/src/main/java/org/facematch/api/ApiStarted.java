package org.facematch.api;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.health.Readiness;
import org.facematch.schema.boundary.WebReadiness;

/** Tells readiness when the API serves requests, and when it stops. */
@WebListener
public class ApiStarted implements ServletContextListener {

  @Inject @Readiness WebReadiness readiness;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    readiness.started(WebReadiness.API);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    readiness.stopped(WebReadiness.API);
  }
}
