package org.facematch.ratelimit.entity;

/**
 * A tenant's quotas with the revision they were saved under (0: the defaults, never tuned), in the
 * small text form the data grid keeps: {@code 600,600,300,1200,0}.
 */
public record TunedQuotas(RateQuotas quotas, long revision) {

  public static final TunedQuotas DEFAULTS = new TunedQuotas(RateQuotas.DEFAULTS, 0);

  public String format() {
    return quotas.verifyPerMinute()
        + ","
        + quotas.searchPerMinute()
        + ","
        + quotas.registerPerMinute()
        + ","
        + quotas.otherPerMinute()
        + ","
        + revision;
  }

  public static TunedQuotas parse(String text) {
    String[] parts = text.split(",");
    return new TunedQuotas(
        new RateQuotas(
            Integer.parseInt(parts[0]),
            Integer.parseInt(parts[1]),
            Integer.parseInt(parts[2]),
            Integer.parseInt(parts[3])),
        Long.parseLong(parts[4]));
  }
}
