package org.facematch.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.TenantId;
import org.facematch.ratelimit.entity.Admission;
import org.facematch.ratelimit.entity.RateClass;
import org.facematch.ratelimit.entity.RateQuotas;
import org.facematch.ratelimit.entity.TunedQuotas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Buckets in a real (single-member, no network) Hazelcast, as in Payara's Domain Data Grid. */
class RateBucketsTest {

  private static HazelcastInstance grid;

  @BeforeAll
  static void grid() {
    Config config = new Config();
    config.setClusterName("facematch-rate-test-" + System.nanoTime());
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    grid = Hazelcast.newHazelcastInstance(config);
  }

  @AfterAll
  static void shutdown() {
    grid.shutdown();
  }

  @Test
  void admitsTheQuotaThenRefusesWithWholeSecondsToWait() {
    RateBuckets buckets =
        new RateBuckets(
            grid.getMap("quota-" + System.nanoTime()), grid.getMap("quotas-" + System.nanoTime()));
    TenantId acme = new TenantId("acme");

    Admission first = buckets.take(acme, RateClass.VERIFY, 3, 0);
    buckets.take(acme, RateClass.VERIFY, 3, 0);
    Admission third = buckets.take(acme, RateClass.VERIFY, 3, 0);
    Admission fourth = buckets.take(acme, RateClass.VERIFY, 3, 0);

    assertThat(first.admitted()).isTrue();
    assertThat(first.remaining()).isEqualTo(2);
    assertThat(third.remaining()).isZero();
    assertThat(fourth.admitted()).isFalse();
    assertThat(fourth.retryAfterSeconds()).isBetween(1L, 60L);
    assertThat(fourth.policyField()).isEqualTo("\"verify\";q=3;w=60");
    assertThat(fourth.limitField()).matches("\"verify\";r=0;t=\\d+");
  }

  @Test
  void keepsTenantsAndClassesApart() {
    RateBuckets buckets =
        new RateBuckets(
            grid.getMap("apart-" + System.nanoTime()), grid.getMap("quotas-" + System.nanoTime()));
    buckets.take(new TenantId("acme"), RateClass.SEARCH, 1, 0);

    assertThat(buckets.take(new TenantId("acme"), RateClass.SEARCH, 1, 0).admitted()).isFalse();
    assertThat(buckets.take(new TenantId("acme"), RateClass.VERIFY, 1, 0).admitted()).isTrue();
    assertThat(buckets.take(new TenantId("globex"), RateClass.SEARCH, 1, 0).admitted()).isTrue();
  }

  /** Two nodes are two RateBuckets over the same grid map: they draw on one budget. */
  @Test
  void nodesShareOneBudget() {
    String map = "shared-" + System.nanoTime();
    RateBuckets node1 = new RateBuckets(grid.getMap(map), grid.getMap(map + "-quotas"));
    RateBuckets node2 = new RateBuckets(grid.getMap(map), grid.getMap(map + "-quotas"));
    TenantId acme = new TenantId("acme");

    assertThat(node1.take(acme, RateClass.REGISTER, 2, 0).admitted()).isTrue();
    assertThat(node2.take(acme, RateClass.REGISTER, 2, 0).admitted()).isTrue();
    assertThat(node1.take(acme, RateClass.REGISTER, 2, 0).admitted()).isFalse();
    assertThat(node2.take(acme, RateClass.REGISTER, 2, 0).admitted()).isFalse();
  }

  @Test
  void aNewerRevisionReplacesTheQuota() {
    RateBuckets buckets =
        new RateBuckets(
            grid.getMap("revision-" + System.nanoTime()),
            grid.getMap("quotas-" + System.nanoTime()));
    TenantId acme = new TenantId("acme");
    buckets.take(acme, RateClass.OTHER, 1, 0);
    assertThat(buckets.take(acme, RateClass.OTHER, 1, 0).admitted()).isFalse();

    Admission raised = buckets.take(acme, RateClass.OTHER, 100, 1);

    assertThat(raised.admitted()).isTrue();
    assertThat(raised.quota()).isEqualTo(100);
  }

  /** Loaded once into the grid, then read from it on every node, until a change drops them. */
  @Test
  void holdsQuotasInTheGridUntilForgotten() {
    String map = "held-" + System.nanoTime();
    RateBuckets node1 = new RateBuckets(grid.getMap(map), grid.getMap(map + "-quotas"));
    RateBuckets node2 = new RateBuckets(grid.getMap(map), grid.getMap(map + "-quotas"));
    TenantId acme = new TenantId("acme");
    java.util.concurrent.atomic.AtomicInteger loads =
        new java.util.concurrent.atomic.AtomicInteger();
    TunedQuotas tuned = new TunedQuotas(new RateQuotas(5, 6, 7, 8), 3);

    assertThat(
            node1.quotasOf(
                acme,
                () -> {
                  loads.incrementAndGet();
                  return tuned;
                }))
        .isEqualTo(tuned);
    assertThat(
            node2.quotasOf(
                acme,
                () -> {
                  loads.incrementAndGet();
                  return TunedQuotas.DEFAULTS;
                }))
        .isEqualTo(tuned);
    assertThat(loads).hasValue(1);

    node2.forgetQuotas(acme);

    assertThat(node1.quotasOf(acme, () -> TunedQuotas.DEFAULTS)).isEqualTo(TunedQuotas.DEFAULTS);
  }

  @Test
  void quotasAreBounded() {
    assertThatThrownBy(() -> new RateQuotas(0, 1, 1, 1)).isInstanceOf(FaceMatchException.class);
    assertThatThrownBy(() -> new RateQuotas(1, 1, 1, RateQuotas.MAX_PER_MINUTE + 1))
        .hasMessageContaining("other_per_minute");
    assertThat(new RateQuotas(1, 600, 300, 1200).changesFrom(RateQuotas.DEFAULTS))
        .isEqualTo("verify_per_minute: 600 -> 1");
  }
}
