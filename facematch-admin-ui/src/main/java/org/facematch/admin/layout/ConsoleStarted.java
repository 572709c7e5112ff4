package org.facematch.admin.layout;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.health.Readiness;
import org.facematch.schema.boundary.WebReadiness;

/** Tells readiness when the console serves requests, and when it stops. */
@WebListener
public class ConsoleStarted implements ServletContextListener {

  @Inject @Readiness WebReadiness readiness;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    readiness.started(WebReadiness.CONSOLE);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    readiness.stopped(WebReadiness.CONSOLE);
  }
}
