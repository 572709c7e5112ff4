package org.facematch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Semaphore;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.junit.jupiter.api.Test;

class LargeBodyPermitTest {

  final Semaphore two = new Semaphore(2, true);

  LargeBodyPermit request() {
    LargeBodyPermit permit = new LargeBodyPermit();
    permit.permits = two;
    permit.waitMillis = 50;
    return permit;
  }

  @Test
  void aRequestBeyondThePermitsIsToldToComeBackAndTheirEndFreesThem() {
    LargeBodyPermit first = request();
    LargeBodyPermit second = request();
    first.acquire();
    first.acquire(); // the same request asks again for free
    second.acquire();
    assertThat(two.availablePermits()).isZero();

    assertThatThrownBy(() -> request().acquire())
        .isInstanceOfSatisfying(
            FaceMatchException.class, e -> assertThat(e.problem()).isEqualTo(Problem.SERVER_BUSY));

    first.release();
    first.release(); // released once only
    assertThat(two.availablePermits()).isEqualTo(1);
    assertThatCode(() -> request().acquire()).doesNotThrowAnyException();
  }
}
