package org.facematch.engine.control.index;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.facematch.changelog.boundary.ChangeLog;
import org.facematch.changelog.entity.ChangeKind;
import org.facematch.changelog.entity.ChangesCommitted;
import org.facematch.changelog.entity.FaceChange;
import org.facematch.engine.entity.EngineChoice;

/**
 * Keeps this node's indexes in step with the tenants' change logs. A change committed here is
 * applied before the request that made it answers, so its caller's next search sees it; a hint from
 * another node wakes the feed's own thread, which also polls every log's head in case a hint was
 * lost, and makes the applied changes durable now and then. An index that is missing, damaged, or
 * behind a log that no longer reaches back far enough is rebuilt from the database.
 */
@ApplicationScoped
public class IndexFeed {

  static final String MODEL = EngineChoice.LOCAL.id();
  static final int BATCH = 500;
  static final int PAGE = 2000;
  private static final System.Logger LOGGER = System.getLogger(IndexFeed.class.getName());

  @Inject ChangeLog log;
  @Inject EmbeddingIndex index;
  @Inject StoredTemplates templates;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "facematch.index.poll-millis", defaultValue = "2000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "facematch.index.commit-millis", defaultValue = "10000")
  long commitMillis;

  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final BlockingQueue<String> due = new LinkedBlockingQueue<>();
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private volatile Thread worker;
  private volatile Map<String, Long> lastHeads = Map.of();

  /** Opens (or rebuilds) and catches up the index of every tenant the database knows faces of. */
  public int catchUpAll() {
    Map<String, Long> heads = log.heads();
    Set<String> tenants = new TreeSet<>(templates.tenants(MODEL));
    tenants.addAll(heads.keySet());
    int faces = 0;
    for (String tenant : tenants) {
      long head = heads.getOrDefault(tenant, 0L);
      synchronized (locks.computeIfAbsent(tenant, t -> new Object())) {
        long begin = System.nanoTime();
        TenantIndex opened = openOrRebuild(tenant);
        long millis = (System.nanoTime() - begin) / 1_000_000;
        if (millis >= 1000) {
          LOGGER.log(
              Level.INFO,
              "Index of tenant {0} opened and checked in {1} ms: {2} faces",
              tenant,
              millis,
              opened.size());
        }
        if (opened.applied() > head) {
          // the database is older than the index (restored from a backup): it is the truth
          LOGGER.log(Level.WARNING, "Index of tenant {0} is ahead of its change log", tenant);
          rebuild(tenant);
        }
      }
      catchUp(tenant);
      faces += index.size(tenant);
    }
    index.commitAll();
    return faces;
  }

  /**
   * Applies the tenant's changes this node has not applied yet; answers the last one applied. The
   * tenant's lock is held for one batch at a time, so a node working through a large backlog (a
   * bulk import on another node) lets a local registration of the same tenant take its turn.
   */
  public long catchUp(String tenant) {
    while (true) {
      synchronized (locks.computeIfAbsent(tenant, t -> new Object())) {
        TenantIndex tenantIndex = openOrRebuild(tenant);
        long applied = tenantIndex.applied();
        List<FaceChange> changes = log.since(tenant, applied, BATCH);
        if (changes.isEmpty() && prunedPast(tenant, applied)) {
          LOGGER.log(
              Level.WARNING,
              "The change log of tenant {0} no longer holds the changes after this index''s {1}:"
                  + " rebuilding",
              tenant,
              applied);
          rebuild(tenant);
          continue;
        }
        if (changes.isEmpty()) {
          return applied;
        }
        if (changes.get(0).seq() != applied + 1) {
          LOGGER.log(
              Level.WARNING,
              "The change log of tenant {0} starts at {1}, after this index''s {2}: rebuilding",
              tenant,
              changes.get(0).seq(),
              applied);
          rebuild(tenant);
          continue;
        }
        apply(tenant, tenantIndex, changes);
        applied = changes.get(changes.size() - 1).seq();
        tenantIndex.appliedUpTo(applied);
        if (changes.size() < BATCH) {
          return applied;
        }
      }
    }
  }

  /**
   * Whether changes after applied were committed and have been pruned from the log since. The head
   * is read before the log is read again, so a change committed in between is not taken for a
   * pruned one.
   */
  private boolean prunedPast(String tenant, long applied) {
    return log.head(tenant) > applied && log.since(tenant, applied, 1).isEmpty();
  }

  private void apply(String tenant, TenantIndex tenantIndex, List<FaceChange> changes) {
    Set<String> registered =
        changes.stream()
            .filter(c -> c.kind() == ChangeKind.REGISTERED && MODEL.equals(c.engine()))
            .map(FaceChange::faceId)
            .collect(Collectors.toSet());
    // a face deleted since has no template any more; its removal follows later in the log
    Map<String, float[]> vectors = templates.of(tenant, MODEL, registered);
    for (FaceChange change : changes) {
      if (change.kind() == ChangeKind.REGISTERED) {
        float[] vector = vectors.get(change.faceId());
        if (vector != null) {
          tenantIndex.put(change.faceId(), vector);
        }
      } else if (change.kind() == ChangeKind.REMOVED) {
        tenantIndex.remove(change.faceId());
      }
    }
  }

  private TenantIndex openOrRebuild(String tenant) {
    try {
      TenantIndex tenantIndex = index.of(tenant);
      if (tenantIndex.created()) {
        return rebuild(tenant);
      }
      return tenantIndex;
    } catch (TenantIndex.CorruptIndex e) {
      LOGGER.log(Level.WARNING, e.getMessage() + "; rebuilding it from the database");
      return rebuild(tenant);
    }
  }

  /**
   * Fills a new index from the database. The log's head is read first: the templates read after it
   * hold at least its changes, and replaying later ones again changes nothing.
   */
  private TenantIndex rebuild(String tenant) {
    long begin = System.nanoTime();
    long head = log.head(tenant);
    TenantIndex fresh = index.recreate(tenant);
    String after = "";
    int faces = 0;
    fresh.bulk(true);
    try {
      while (true) {
        Map<String, float[]> page = templates.page(tenant, MODEL, after, PAGE);
        page.forEach(fresh::put);
        faces += page.size();
        if (page.size() < PAGE) {
          break;
        }
        after = page.keySet().stream().reduce((a, b) -> b).orElseThrow();
      }
    } finally {
      fresh.bulk(false);
    }
    fresh.appliedUpTo(head);
    fresh.commit();
    fresh.filled();
    LOGGER.log(
        Level.INFO,
        "Index of tenant {0} rebuilt from the database: {1} faces in {2} ms",
        tenant,
        faces,
        (System.nanoTime() - begin) / 1_000_000);
    return fresh;
  }

  void committed(@Observes ChangesCommitted changes) {
    if (changes.local()) {
      catchUp(changes.tenant());
    } else if (queued.add(changes.tenant())) {
      due.offer(changes.tenant());
    }
  }

  /** Starts the thread that follows hints, polls the logs and commits. */
  public synchronized void start() {
    if (worker == null) {
      worker = threads.newThread(this::follow);
      worker.setName("facematch-index-feed");
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void follow() {
    long lastPoll = System.nanoTime();
    long lastCommit = System.nanoTime();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        String tenant = due.poll(Math.max(1, pollMillis), TimeUnit.MILLISECONDS);
        if (tenant != null) {
          queued.remove(tenant);
          catchUp(tenant);
        }
        if (System.nanoTime() - lastPoll >= TimeUnit.MILLISECONDS.toNanos(pollMillis)) {
          lastPoll = System.nanoTime();
          poll();
        }
        if (System.nanoTime() - lastCommit >= TimeUnit.MILLISECONDS.toNanos(commitMillis)) {
          lastCommit = System.nanoTime();
          index.commitAll();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // the database or the disk failed for now; the next round retries
        LOGGER.log(Level.WARNING, "The index feed failed this round: " + e);
      }
    }
  }

  private void poll() {
    Map<String, Long> heads = log.heads();
    lastHeads = heads;
    for (Map.Entry<String, Long> head : heads.entrySet()) {
      String tenant = head.getKey();
      if (!index.tenants().contains(tenant) || index.of(tenant).applied() < head.getValue()) {
        catchUp(tenant);
      }
    }
  }

  /**
   * Changes of every tenant's log this node has not applied yet, as of the last poll: what a metric
   * may read often without asking the database.
   */
  public long lag() {
    long lag = 0;
    for (Map.Entry<String, Long> head : lastHeads.entrySet()) {
      long applied =
          index.tenants().contains(head.getKey()) ? index.of(head.getKey()).applied() : 0;
      lag += Math.max(0, head.getValue() - applied);
    }
    return lag;
  }

  @PreDestroy
  synchronized void stop() {
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker = null;
    }
    index.commitAll();
  }
}
