package org.facematch.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.junit.jupiter.api.Test;

class EngineTurnsTest {

  @Test
  void aTenantGetsAllButOneTurnAndTheLastIsKeptForAnother() throws Exception {
    EngineTurns turns = new EngineTurns(3, Duration.ofMillis(100));
    turns.take("a");
    turns.take("a");

    assertThat(turns.taken()).isEqualTo(2);
    assertThatThrownBy(() -> turns.take("a"))
        .isInstanceOfSatisfying(
            FaceMatchException.class, e -> assertThat(e.problem()).isEqualTo(Problem.SERVER_BUSY));
    turns.take("b");
    assertThat(turns.taken()).isEqualTo(3);
    turns.giveBack("a");
    assertThat(turns.taken()).isEqualTo(2);
  }

  /** B arrives while A waits at its share: B takes the free turn at once, ahead of A's queue. */
  @Test
  void anotherTenantStartsAtOnceWhileTheFlooderQueues() throws Exception {
    EngineTurns turns = new EngineTurns(2);
    turns.take("a");
    Thread flooder =
        new Thread(
            () -> {
              try {
                turns.take("a");
                turns.giveBack("a");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    flooder.start();
    awaitWaiting(turns, 1);

    turns.take("b");
    assertThat(turns.taken()).isEqualTo(2);
    assertThat(turns.waiting()).isEqualTo(1);
    turns.giveBack("b");
    assertThat(turns.waiting()).isEqualTo(1); // B's freed turn is not A's: A is at its share
    turns.giveBack("a");
    flooder.join(5_000);
    assertThat(turns.waiting()).isZero();
    assertThat(turns.taken()).isZero();
  }

  @Test
  void oneTurnIsOneTenantsAtATime() throws Exception {
    EngineTurns turns = new EngineTurns(1, Duration.ofMillis(100));
    turns.take("a");
    assertThatThrownBy(() -> turns.take("a")).isInstanceOf(FaceMatchException.class);
    turns.giveBack("a");
    turns.take("a");
    assertThat(turns.taken()).isEqualTo(1);
  }

  /** A waits with three requests queued; B's one request, queued last, gets the next turn. */
  @Test
  void aFreedTurnGoesToTheLeastServedWaitingTenant() throws Exception {
    EngineTurns turns = new EngineTurns(1);
    turns.take("a");
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch queued = new CountDownLatch(4);
    List<Thread> waiters = new java.util.ArrayList<>();
    for (String tenant : List.of("a", "a", "a", "b")) {
      Thread waiter =
          new Thread(
              () -> {
                try {
                  queued.countDown();
                  turns.take(tenant);
                  order.add(tenant);
                  Thread.sleep(5);
                  turns.giveBack(tenant);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      waiter.start();
      waiters.add(waiter);
      awaitWaiting(turns, waiters.size());
    }
    queued.await();

    turns.giveBack("a");
    for (Thread waiter : waiters) {
      waiter.join(5_000);
    }

    assertThat(order).containsExactly("b", "a", "a", "a");
    assertThat(turns.taken()).isZero();
  }

  @Test
  void refusesAsBusyAfterTheLongestWaitAndLeavesNoTurnBehind() throws Exception {
    EngineTurns turns = new EngineTurns(1, Duration.ofMillis(100));
    turns.take("a");

    assertThatThrownBy(() -> turns.take("b"))
        .isInstanceOfSatisfying(
            FaceMatchException.class, e -> assertThat(e.problem()).isEqualTo(Problem.SERVER_BUSY));
    turns.giveBack("a");
    assertThat(turns.taken()).isZero();
    turns.take("b");
    assertThat(turns.taken()).isEqualTo(1);
  }

  private static void awaitWaiting(EngineTurns turns, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (turns.waiting() < expected && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(turns.waiting()).isEqualTo(expected);
  }
}
