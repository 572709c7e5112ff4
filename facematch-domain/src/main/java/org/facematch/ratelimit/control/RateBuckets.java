package org.facematch.ratelimit.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.facematch.kernel.entity.TenantId;
import org.facematch.ratelimit.entity.Admission;
import org.facematch.ratelimit.entity.RateClass;
import org.facematch.ratelimit.entity.TunedQuotas;

/**
 * One token bucket per tenant and {@link RateClass}, kept in the Domain Data Grid (Payara's
 * Hazelcast) so that every node of a cluster draws on the same budget. The compare-and-swap variant
 * stores each bucket as bytes in an IMap and computes on the calling node: the other members need
 * no Bucket4j classes.
 */
@ApplicationScoped
public class RateBuckets {

  static final String MAP = "facematch-rate-buckets";
  static final String QUOTAS = "facematch-rate-quotas";
  public static final Duration WINDOW = Duration.ofMinutes(1);

  @Inject HazelcastInstance grid;

  private ProxyManager<String> buckets;
  private IMap<String, String> quotas;

  protected RateBuckets() {}

  /** For tests: buckets and quotas in the given maps. */
  public RateBuckets(IMap<String, byte[]> map, IMap<String, String> quotas) {
    this.buckets = Bucket4jHazelcast.casBasedBuilder(map).build();
    this.quotas = quotas;
  }

  @PostConstruct
  void connect() {
    buckets = Bucket4jHazelcast.casBasedBuilder(grid.<String, byte[]>getMap(MAP)).build();
    quotas = grid.getMap(QUOTAS);
  }

  /**
   * A tenant's quotas as the grid holds them, so that counting a call reads no database; loaded
   * once from {@code load} and kept a minute at most.
   */
  public TunedQuotas quotasOf(TenantId tenant, Supplier<TunedQuotas> load) {
    String held = quotas.get(tenant.value());
    if (held != null) {
      return TunedQuotas.parse(held);
    }
    TunedQuotas loaded = load.get();
    quotas.set(tenant.value(), loaded.format(), 60, TimeUnit.SECONDS);
    return loaded;
  }

  /** Forgets a tenant's quotas on every node, after support changed them. */
  public void forgetQuotas(TenantId tenant) {
    quotas.delete(tenant.value());
  }

  /**
   * Takes one request from the tenant's bucket for the class, refilled with the whole quota once a
   * window.
   *
   * @param revision grows whenever support changes the quota: a bucket made under an older one
   *     adopts the new quota at once: a raise adds its difference to what is left, a cut caps it
   */
  public Admission take(TenantId tenant, RateClass rateClass, int perMinute, long revision) {
    BucketConfiguration configuration =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, WINDOW))
            .build();
    ConsumptionProbe probe =
        buckets
            .builder()
            .withImplicitConfigurationReplacement(revision, TokensInheritanceStrategy.ADDITIVE)
            .build(tenant.value() + "|" + rateClass.name(), () -> configuration)
            .tryConsumeAndReturnRemaining(1);
    return new Admission(
        rateClass,
        perMinute,
        WINDOW.toSeconds(),
        probe.isConsumed(),
        probe.getRemainingTokens(),
        Admission.ceilSeconds(probe.getNanosToWaitForReset()),
        probe.isConsumed()
            ? 0
            : Math.max(1, Admission.ceilSeconds(probe.getNanosToWaitForRefill())));
  }
}
