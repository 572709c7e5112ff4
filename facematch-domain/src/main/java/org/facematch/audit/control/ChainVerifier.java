package org.facematch.audit.control;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.facematch.audit.entity.ChainDigest;
import org.facematch.audit.entity.ChainVerdict;
import org.facematch.audit.entity.ChainVerdict.BrokenLink;
import org.facematch.audit.entity.ChainedEvent;

/**
 * Walks one chain, event by event in the order of their sequence, and finds its first broken link:
 * an event changed after it was written (its hash no longer matches), removed (a gap, or a start
 * that no signed anchor vouches for), inserted (an event outside the chain, or one that does not
 * follow its predecessor), or a chain rewritten with fresh hashes after a digest signed it. Only
 * digests signed by a trusted key count. Holds one event at a time, so a chain of any length is
 * checked in constant memory.
 */
public final class ChainVerifier {

  private final String chain;
  private final Map<String, PublicKey> trusted;
  private final Map<Long, List<ChainDigest>> digestsBySeq = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private BrokenLink broken;
  private int digestsChecked;
  private long eventsChecked;
  private long unchainedBefore;
  private ChainedEvent previous;
  private long lastDigestedSeq;

  /**
   * @param digests the chain's digests in the order they were written
   * @param trusted public keys by {@link SigningKey#idOf key id}
   */
  public ChainVerifier(String chain, List<ChainDigest> digests, Map<String, PublicKey> trusted) {
    this.chain = chain;
    this.trusted = Map.copyOf(trusted);
    checkDigests(digests);
  }

  private void checkDigests(List<ChainDigest> digests) {
    ChainDigest before = null;
    for (ChainDigest digest : digests) {
      if (digest.signature() == null) {
        warnings.add("digest #" + digest.id() + " is unsigned: no signing key was configured");
      } else {
        PublicKey key = trusted.get(digest.keyId());
        if (key == null) {
          fail(null, null, "digest #" + digest.id() + " is signed by a key that is not trusted");
        } else if (!SigningKey.verifies(key, digest.canonical(), digest.signature())) {
          fail(null, null, "digest #" + digest.id() + " does not match its signature");
        }
      }
      if (before != null
          && before.signature() != null
          && !before.signature().equals(digest.previousSignature())) {
        fail(
            null,
            null,
            "digest #"
                + digest.id()
                + " does not follow digest #"
                + before.id()
                + ": one between was removed");
      }
      digestsBySeq.computeIfAbsent(digest.seq(), s -> new ArrayList<>()).add(digest);
      if (digest.kind() == ChainDigest.Kind.HEAD) {
        lastDigestedSeq = Math.max(lastDigestedSeq, digest.seq());
      }
      digestsChecked++;
      before = digest;
    }
    if (digests.isEmpty()) {
      warnings.add("no signed digest yet: the chain's head is not yet vouched for");
    }
  }

  /** An event written before chaining began. */
  public void unchainedBefore() {
    unchainedBefore++;
  }

  /** An event outside the chain that was written after chaining began: inserted by hand. */
  public void outsideTheChain(long eventId) {
    fail(
        eventId,
        null,
        "event #" + eventId + " is not in the chain: it was not written by FaceMatch");
  }

  /** The next event, in the order of the chain's sequence. */
  public void next(long eventId, ChainedEvent event) {
    long expected = previous == null ? -1 : previous.seq() + 1;
    if (previous == null) {
      if (event.seq() == 1) {
        if (!ChainedEvent.GENESIS.equals(event.prevHash())) {
          fail(
              eventId,
              event.seq(),
              "event #" + eventId + " claims to follow an event before the first");
        }
      } else if (!anchored(event)) {
        fail(
            eventId,
            event.seq(),
            "the chain starts at event #"
                + eventId
                + " (seq "
                + event.seq()
                + "), and no signed anchor vouches for the events before it: they were removed");
      }
    } else if (event.seq() != expected) {
      fail(
          eventId,
          event.seq(),
          "events "
              + expected
              + (event.seq() - 1 > expected ? "-" + (event.seq() - 1) : "")
              + " before event #"
              + eventId
              + " (seq "
              + event.seq()
              + ") are missing");
    } else if (!previous.hash().equals(event.prevHash())) {
      fail(
          eventId,
          event.seq(),
          "event #" + eventId + " (seq " + event.seq() + ") does not follow the event before it");
    }
    if (!event.hashMatches()) {
      fail(
          eventId,
          event.seq(),
          "event #"
              + eventId
              + " (seq "
              + event.seq()
              + ") was changed after it was written: its hash does not match its content");
    }
    for (ChainDigest digest : digestsBySeq.getOrDefault(event.seq(), List.of())) {
      if (digest.kind() == ChainDigest.Kind.HEAD && !digest.headHash().equals(event.hash())) {
        fail(
            eventId,
            event.seq(),
            "the chain up to event #"
                + eventId
                + " (seq "
                + event.seq()
                + ") was rewritten after digest #"
                + digest.id()
                + " signed it");
      }
    }
    eventsChecked++;
    previous = event;
  }

  private boolean anchored(ChainedEvent first) {
    return digestsBySeq.getOrDefault(first.seq() - 1, List.of()).stream()
        .anyMatch(
            d ->
                d.kind() == ChainDigest.Kind.ANCHOR
                    && d.signature() != null
                    && d.headHash().equals(first.prevHash()));
  }

  /**
   * @param lastSeq the chain's head as its row records it
   * @param lastHash the hash of the event at {@code lastSeq}
   */
  public ChainVerdict finish(long lastSeq, String lastHash) {
    long endSeq = previous == null ? anchorSeq() : previous.seq();
    if (previous != null && !(previous.seq() == lastSeq && previous.hash().equals(lastHash))
        || previous == null && lastSeq > endSeq) {
      fail(null, endSeq + 1, "the chain's last events after seq " + endSeq + " are missing");
    }
    if (lastDigestedSeq > endSeq) {
      fail(
          null,
          endSeq + 1,
          "a digest signed the chain up to seq "
              + lastDigestedSeq
              + ", but it ends at seq "
              + endSeq
              + ": events were removed");
    }
    return new ChainVerdict(
        chain,
        eventsChecked,
        digestsChecked,
        unchainedBefore,
        Optional.ofNullable(broken),
        List.copyOf(warnings));
  }

  private long anchorSeq() {
    return digestsBySeq.values().stream()
        .flatMap(List::stream)
        .filter(d -> d.kind() == ChainDigest.Kind.ANCHOR)
        .mapToLong(ChainDigest::seq)
        .max()
        .orElse(0);
  }

  private void fail(Long eventId, Long seq, String reason) {
    if (broken == null) {
      broken = new BrokenLink(eventId, seq, reason);
    }
  }
}
