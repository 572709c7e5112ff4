package org.facematch.engine.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.ConfigProvider;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * Shares this node's engine capacity fairly between tenants. At most {@code
 * facematch.engine.concurrency} operations decode and match at once (default: one per two vCPUs, at
 * least two, since a verify runs its two images on two engine threads at once). One tenant holds
 * all but one of them at most: the last is kept for the others, so another tenant's request starts
 * at once and waits only for the engine threads to finish what they run, not for a whole operation
 * of the flooding tenant to end. When more wait, a freed turn goes to the waiting tenant with the
 * fewest turns in use (on a tie, the one served longest ago), so a tenant flooding the node queues
 * behind its own requests.
 */
@ApplicationScoped
public class EngineTurns {

  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final Duration maxWait;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, ArrayDeque<Condition>> waiting = new HashMap<>();
  private final Map<String, Integer> inUse = new HashMap<>();
  private final Map<Condition, Boolean> granted = new HashMap<>();
  private final Map<String, Long> lastServed = new HashMap<>();
  private long grants;
  private final int turns;
  private final int perTenant;
  private int taken;
  private int waiters;

  public EngineTurns() {
    this(
        ConfigProvider.getConfig()
            .getOptionalValue("facematch.engine.concurrency", Integer.class)
            .filter(n -> n > 0)
            .orElse(Math.max(2, Runtime.getRuntime().availableProcessors() / 2)));
  }

  public EngineTurns(int turns) {
    this(turns, MAX_WAIT);
  }

  EngineTurns(int turns, Duration maxWait) {
    this.turns = turns;
    this.perTenant = turns > 1 ? turns - 1 : 1;
    this.maxWait = maxWait;
  }

  /**
   * Waits for a turn of the tenant.
   *
   * @throws FaceMatchException {@code SERVER_BUSY} after {@link #MAX_WAIT} without a turn
   */
  public void take(String tenant) throws InterruptedException {
    lock.lock();
    try {
      // A free turn means every waiting tenant is at its share (giveBack hands turns to the
      // others), so a tenant below its share may take it.
      if (taken < turns && mayTake(tenant)) {
        taken++;
        serve(tenant);
        return;
      }
      Condition turn = lock.newCondition();
      waiting.computeIfAbsent(tenant, t -> new ArrayDeque<>()).addLast(turn);
      granted.put(turn, false);
      waiters++;
      long left = maxWait.toNanos();
      try {
        while (!granted.get(turn) && left > 0) {
          left = turn.awaitNanos(left);
        }
      } catch (InterruptedException e) {
        if (granted.get(turn)) {
          granted.remove(turn);
          giveBack(tenant);
        } else {
          withdraw(tenant, turn);
        }
        throw e;
      }
      if (!granted.remove(turn)) {
        withdraw(tenant, turn);
        throw new FaceMatchException(
            Problem.SERVER_BUSY, "The face engine is busy; retry after Retry-After");
      }
    } finally {
      lock.unlock();
    }
  }

  /** Ends a turn of the tenant and hands it to the least-served waiting tenant. */
  public void giveBack(String tenant) {
    lock.lock();
    try {
      inUse.computeIfPresent(tenant, (t, n) -> n == 1 ? null : n - 1);
      String next = null;
      for (String candidate : waiting.keySet()) {
        if (mayTake(candidate) && (next == null || servedLess(candidate, next))) {
          next = candidate;
        }
      }
      if (next == null) {
        taken--;
        return;
      }
      ArrayDeque<Condition> queue = waiting.get(next);
      Condition turn = queue.pollFirst();
      if (queue.isEmpty()) {
        waiting.remove(next);
      }
      waiters--;
      serve(next);
      granted.put(turn, true);
      turn.signal();
    } finally {
      lock.unlock();
    }
  }

  private boolean mayTake(String tenant) {
    return inUse.getOrDefault(tenant, 0) < perTenant;
  }

  /** Fewer turns in use; on a tie, the one served longer ago. */
  private boolean servedLess(String a, String b) {
    int inUseA = inUse.getOrDefault(a, 0);
    int inUseB = inUse.getOrDefault(b, 0);
    if (inUseA != inUseB) {
      return inUseA < inUseB;
    }
    return lastServed.getOrDefault(a, 0L) < lastServed.getOrDefault(b, 0L);
  }

  private void serve(String tenant) {
    inUse.merge(tenant, 1, Integer::sum);
    lastServed.put(tenant, ++grants);
  }

  private void withdraw(String tenant, Condition turn) {
    granted.remove(turn);
    ArrayDeque<Condition> queue = waiting.get(tenant);
    queue.remove(turn);
    if (queue.isEmpty()) {
      waiting.remove(tenant);
    }
    waiters--;
  }

  /** Requests waiting for a turn now, for tests and metrics. */
  public int waiting() {
    lock.lock();
    try {
      return waiters;
    } finally {
      lock.unlock();
    }
  }

  /** Turns in use now, for tests and metrics. */
  public int taken() {
    lock.lock();
    try {
      return taken;
    } finally {
      lock.unlock();
    }
  }
}
