package org.facematch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RefusalHoldTest {

  @Test
  void holdsARefusalNoLongerThanItsRetryAfter() {
    assertThat(new RefusalHold(1000, 4).hold(3)).isEqualTo(1000);
    assertThat(new RefusalHold(5000, 4).hold(1)).isEqualTo(1000);
    assertThat(new RefusalHold(0, 4).hold(3)).isZero();
  }

  @Test
  void answersAtOnceWhenEverySeatIsTaken() throws Exception {
    RefusalHold hold = new RefusalHold(60_000, 1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      pool.submit(() -> hold.hold(60));
      while (hold.heldNow() == 0) {
        Thread.sleep(5);
      }
      long started = System.nanoTime();
      assertThat(hold.hold(60)).isZero();
      assertThat(System.nanoTime() - started).isLessThan(30_000_000_000L);
    } finally {
      pool.shutdownNow();
    }
    assertThat(new RefusalHold(60_000, 0).hold(60)).isZero();
  }
}
