package org.facematch.api;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.facematch.api.audit.Endpoints;

/**
 * Counts every API call by operation and HTTP status, and times it by operation, for Prometheus at
 * {@code /metrics}. A servlet filter, so that calls refused before JAX-RS (a bad token) count too;
 * the operation is the one the endpoint names, never the raw path, so the labels stay few.
 */
@WebFilter(
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestMetrics extends HttpFilter {

  static final Metadata REQUESTS =
      Metadata.builder()
          .withName("facematch_requests_total")
          .withDescription("API calls by operation and HTTP status")
          .build();
  static final Metadata DURATION =
      Metadata.builder()
          .withName("facematch_request_duration")
          .withDescription("Time to answer an API call, by operation")
          .build();
  private static final String COUNTED = RequestMetrics.class.getName();

  @Inject MetricRegistry registry;

  /**
   * A call refused by the server's authentication (a bad token) reaches the application only in the
   * ERROR dispatch of its error page; a call that went through JAX-RS is counted once, in its
   * REQUEST dispatch, even when an error page follows.
   */
  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean error = request.getDispatcherType() == DispatcherType.ERROR;
    Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = error && errorUri != null ? errorUri.toString() : request.getRequestURI();
    boolean counts = path.startsWith("/kyc/") && request.getAttribute(COUNTED) == null;
    if (counts) {
      request.setAttribute(COUNTED, Boolean.TRUE);
    }
    long begin = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (counts) {
        Tag operation = new Tag("operation", Endpoints.operation(request.getMethod(), path).code());
        registry
            .counter(REQUESTS, operation, new Tag("status", Integer.toString(response.getStatus())))
            .inc();
        registry.timer(DURATION, operation).update(Duration.ofNanos(System.nanoTime() - begin));
      }
    }
  }
}
