package org.facematch.audit.entity;

import java.util.List;
import java.util.Optional;

/**
 * The result of walking one chain.
 *
 * @param eventsChecked chained events whose hash and link were checked
 * @param digestsChecked signed digests whose signature and place were checked
 * @param unchainedBefore events written before chaining began, which the chain does not cover
 * @param broken the first broken link, in the chain's order; empty when the chain is intact
 * @param warnings what holds but is not proven (unsigned digests, no digest yet)
 */
public record ChainVerdict(
    String chain,
    long eventsChecked,
    int digestsChecked,
    long unchainedBefore,
    Optional<BrokenLink> broken,
    List<String> warnings) {

  public boolean intact() {
    return broken.isEmpty();
  }

  /**
   * @param eventId the audit event's row id where the break shows, null when the break is a
   *     digest's or the chain's end
   * @param seq its place in the chain, null for an event outside it
   */
  public record BrokenLink(Long eventId, Long seq, String reason) {}

  public String summary() {
    String name = chain.isEmpty() ? "the installation's events" : "tenant " + chain;
    return broken
        .map(b -> "The audit chain of " + name + " is broken: " + b.reason())
        .orElse(
            "The audit chain of "
                + name
                + " is intact: "
                + eventsChecked
                + " events, "
                + digestsChecked
                + " signed digests"
                + (unchainedBefore > 0
                    ? ", " + unchainedBefore + " older events written before chaining began"
                    : ""));
  }
}
