package org.facematch.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds a rate-limit refusal for up to {@code facematch.ratelimit.refusal-hold-millis} (default
 * 1000, never longer than its {@code Retry-After}) before it is answered. A client that ignores
 * {@code Retry-After} and calls again at once would otherwise get refusals as fast as the node can
 * make them, and each still costs the token check, the framework and the body: measured at 173
 * refusals a second from 12 clients on two cores, which slowed another tenant's verify 5.5-fold.
 * Held, those 12 clients make 12 a second. At most {@code facematch.ratelimit.max-held-refusals}
 * (default 32) are held at once, so a flood over many connections cannot tie up the request
 * threads; the rest are answered at once.
 */
@ApplicationScoped
public class RefusalHold {

  private final long holdMillis;
  private final int capacity;
  private final Semaphore seats;

  public RefusalHold() {
    this(
        ConfigProvider.getConfig()
            .getOptionalValue("facematch.ratelimit.refusal-hold-millis", Long.class)
            .orElse(1000L),
        ConfigProvider.getConfig()
            .getOptionalValue("facematch.ratelimit.max-held-refusals", Integer.class)
            .orElse(32));
  }

  RefusalHold(long holdMillis, int seats) {
    this.holdMillis = Math.max(0, holdMillis);
    this.capacity = Math.max(0, seats);
    this.seats = new Semaphore(capacity);
  }

  /** Refusals being held now. */
  int heldNow() {
    return capacity - seats.availablePermits();
  }

  /** Waits before a refusal is answered, if a seat is free; returns how long it waited. */
  long hold(long retryAfterSeconds) {
    long millis = Math.min(holdMillis, TimeUnit.SECONDS.toMillis(retryAfterSeconds));
    if (millis <= 0 || !seats.tryAcquire()) {
      return 0;
    }
    try {
      Thread.sleep(millis);
      return millis;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      seats.release();
    }
  }
}
