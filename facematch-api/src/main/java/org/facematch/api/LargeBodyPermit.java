package org.facematch.api;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * A large body (one or two inline images) holds several times its size on the heap while its
 * request runs: the bytes, the bound strings, the decoded images. So only a few such requests run
 * at once ({@code facematch.api.max-large-bodies}, default 4); the others wait a while for a
 * permit, then get 503 {@code SERVER_BUSY} with {@code Retry-After}. The permit is held until the
 * request ends. Small bodies never wait.
 */
@RequestScoped
public class LargeBodyPermit {

  /** Bodies up to this size pass freely: an s3_uri request, or two small JPEGs. */
  public static final int LARGE_BODY_BYTES = 1024 * 1024;

  static final long WAIT_MILLIS = 10_000;

  private static Semaphore shared;

  Semaphore permits;
  long waitMillis = WAIT_MILLIS;
  private boolean held;

  private static synchronized Semaphore shared() {
    if (shared == null) {
      shared =
          new Semaphore(
              ConfigProvider.getConfig()
                  .getOptionalValue("facematch.api.max-large-bodies", Integer.class)
                  .orElse(4),
              true);
    }
    return shared;
  }

  /** Waits for a permit, or refuses the request; a second call in the same request is free. */
  void acquire() {
    if (held) {
      return;
    }
    if (permits == null) {
      permits = shared();
    }
    try {
      held = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!held) {
      throw new FaceMatchException(
          Problem.SERVER_BUSY,
          "Too many large request bodies are being processed; retry in a few seconds, or upload the image to S3 first");
    }
  }

  @PreDestroy
  void release() {
    if (held) {
      held = false;
      permits.release();
    }
  }
}
