package org.facematch.engine.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.facematch.engine.control.index.EmbeddingIndex;
import org.facematch.engine.control.index.IndexFeed;

/**
 * This node's engine and index as Prometheus gauges (MicroProfile Metrics, served at {@code
 * /metrics}): the engine's queue, the faces searchable here, and how far this node's indexes are
 * behind the change logs.
 */
@ApplicationScoped
public class EngineMetrics {

  @Inject MetricRegistry registry;
  @Inject EngineTurns turns;
  @Inject EmbeddingIndex index;
  @Inject IndexFeed feed;

  void register(@Observes Startup startup) {
    registry.gauge(
        gauge("facematch_engine_waiting", "Verify, search and register calls waiting for a turn"),
        turns,
        EngineTurns::waiting);
    registry.gauge(
        gauge("facematch_engine_busy", "Engine turns taken now"), turns, EngineTurns::taken);
    registry.gauge(
        gauge("facematch_index_faces", "Faces searchable in this node's indexes"),
        index,
        EmbeddingIndex::faces);
    registry.gauge(
        gauge(
            "facematch_index_lag_changes",
            "Changes of the tenants' change logs this node has not applied yet (as of its last"
                + " poll)"),
        feed,
        IndexFeed::lag);
  }

  private static Metadata gauge(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
