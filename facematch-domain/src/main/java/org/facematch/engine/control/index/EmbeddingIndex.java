package org.facematch.engine.control.index;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local engine's templates, one {@link TenantIndex} per tenant under one folder of this node's
 * disk. Each node keeps its own copy; {@link IndexFeed} keeps every copy in step with the database.
 */
@ApplicationScoped
public class EmbeddingIndex {

  /** Hits returned at most per search, whatever the thresholds. */
  public static final int MAX_HITS = 1000;

  private static final System.Logger LOGGER = System.getLogger(EmbeddingIndex.class.getName());

  @Inject
  @ConfigProperty(name = "facematch.index.dir")
  Optional<String> configuredRoot;

  @Inject
  @ConfigProperty(name = "facematch.index.exact-below", defaultValue = "20000")
  int exactBelow;

  @Inject
  @ConfigProperty(name = "facematch.index.beam-width", defaultValue = "100")
  int beamWidth;

  @Inject
  @ConfigProperty(name = "facematch.index.candidates", defaultValue = "200")
  int candidates;

  @Inject
  @ConfigProperty(name = "facematch.index.floor-segment-mb", defaultValue = "256")
  double floorSegmentMB;

  @Inject
  @ConfigProperty(name = "facematch.index.bulk-buffer-mb", defaultValue = "256")
  int bulkBufferMB;

  private final Map<String, TenantIndex> open = new ConcurrentHashMap<>();
  private Path root;
  private TenantIndex.Tuning tuning;

  protected EmbeddingIndex() {}

  /** For tests and benchmarks: indexes under root. */
  public EmbeddingIndex(Path root, TenantIndex.Tuning tuning) {
    this.root = root;
    this.tuning = tuning;
  }

  @PostConstruct
  void configure() {
    root =
        Path.of(
            configuredRoot.orElseGet(
                () ->
                    Optional.ofNullable(System.getProperty("com.sun.aas.instanceRoot"))
                            .orElse(System.getProperty("java.io.tmpdir"))
                        + "/facematch-index"));
    tuning =
        new TenantIndex.Tuning(
            exactBelow,
            beamWidth,
            candidates,
            TenantIndex.Tuning.SEGMENTS_PER_TIER,
            floorSegmentMB,
            TenantIndex.Tuning.BUFFER_MB,
            bulkBufferMB);
    LOGGER.log(Level.INFO, "Search indexes in {0} ({1})", root, tuning);
  }

  public Path root() {
    return root;
  }

  private Path dir(String tenant) {
    // tenant ids are 1-64 letters, digits, '.', '_' and '-', starting with a letter or digit
    return root.resolve(tenant);
  }

  /**
   * The tenant's index, opened from disk on first use.
   *
   * @throws TenantIndex.CorruptIndex when the files on disk are damaged; {@link #recreate} then
   */
  public TenantIndex of(String tenant) {
    return open.computeIfAbsent(tenant, t -> TenantIndex.open(dir(t), tuning));
  }

  /** Throws the tenant's index away and starts an empty one, to be filled from the database. */
  public TenantIndex recreate(String tenant) {
    TenantIndex old = open.remove(tenant);
    if (old != null) {
      old.close();
    }
    TenantIndex.erase(dir(tenant));
    return of(tenant);
  }

  /** Faces of the tenant whose cosine with the probe is at least minCosine, best first. */
  public List<TenantIndex.Hit> search(String tenant, float[] probe, double minCosine, int maxHits) {
    TenantIndex index = open.get(tenant);
    return index == null ? List.of() : index.search(probe, minCosine, Math.min(maxHits, MAX_HITS));
  }

  public int size(String tenant) {
    TenantIndex index = open.get(tenant);
    return index == null ? 0 : index.size();
  }

  /** Faces searchable on this node, all tenants together. */
  public long faces() {
    long faces = 0;
    for (TenantIndex index : open.values()) {
      faces += index.size();
    }
    return faces;
  }

  /** The tenants whose index is open on this node. */
  public Set<String> tenants() {
    return Set.copyOf(open.keySet());
  }

  /** Makes every applied change durable. */
  public void commitAll() {
    for (Map.Entry<String, TenantIndex> e : open.entrySet()) {
      try {
        e.getValue().commit();
      } catch (RuntimeException failure) {
        LOGGER.log(
            Level.WARNING,
            "Could not commit the index of tenant " + e.getKey() + ": " + failure.getMessage());
      }
    }
  }

  @PreDestroy
  public void close() {
    for (TenantIndex index : open.values()) {
      try {
        index.close();
      } catch (RuntimeException e) {
        LOGGER.log(Level.WARNING, "Could not close the index in " + index.dir(), e);
      }
    }
    open.clear();
  }
}
