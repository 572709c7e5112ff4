package org.facematch.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.facematch.audit.entity.AuditRecord;
import org.facematch.audit.entity.ChainDigest;
import org.facematch.audit.entity.ChainVerdict;
import org.facematch.audit.entity.ChainedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainVerifierTest {

  static SigningKey key;
  static SigningKey stranger;

  @BeforeAll
  static void keys(@TempDir Path dir) throws Exception {
    key = SigningKey.load(newKey(dir.resolve("a.pem")));
    stranger = SigningKey.load(newKey(dir.resolve("b.pem")));
  }

  @Test
  void anUntouchedChainWithItsSignedHeadIsIntact() {
    List<ChainedEvent> chain = chain(5);
    List<ChainDigest> digests = List.of(digest(1, ChainDigest.Kind.HEAD, chain.get(4), null, key));

    ChainVerdict verdict = verify(chain, digests);

    assertThat(verdict.broken()).isEmpty();
    assertThat(verdict.eventsChecked()).isEqualTo(5);
    assertThat(verdict.digestsChecked()).isEqualTo(1);
  }

  @Test
  void namesAChangedEvent() {
    List<ChainedEvent> chain = chain(5);
    ChainedEvent e = chain.get(2);
    chain.set(2, withDetails(e, "nothing happened"));

    assertThat(verify(chain, List.of()).broken().orElseThrow().reason())
        .isEqualTo(
            "event #3 (seq 3) was changed after it was written: its hash does not match its content");
  }

  @Test
  void namesAGapWhereAnEventWasRemoved() {
    List<ChainedEvent> chain = chain(5);
    chain.remove(1);

    ChainVerdict.BrokenLink broken = verify(chain, List.of()).broken().orElseThrow();
    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.reason()).isEqualTo("events 2 before event #3 (seq 3) are missing");
  }

  @Test
  void aMissingStartNeedsASignedAnchor() {
    List<ChainedEvent> chain = chain(5);
    ChainedEvent lastPurged = chain.get(1);
    List<ChainedEvent> kept = chain.subList(2, 5);

    assertThat(verify(kept, List.of()).broken().orElseThrow().reason())
        .startsWith("the chain starts at event #3 (seq 3), and no signed anchor vouches");
    assertThat(
            verify(kept, List.of(digest(1, ChainDigest.Kind.HEAD, lastPurged, null, key))).broken())
        .as("a head digest is no anchor")
        .isPresent();
    assertThat(
            verify(kept, List.of(digest(1, ChainDigest.Kind.ANCHOR, lastPurged, null, key)))
                .broken())
        .isEmpty();
  }

  @Test
  void aRewrittenChainIsCaughtByTheDigestThatSignedItsHead() {
    List<ChainedEvent> chain = chain(4);
    List<ChainDigest> digests = List.of(digest(1, ChainDigest.Kind.HEAD, chain.get(3), null, key));
    List<ChainedEvent> rewritten = new ArrayList<>();
    String prev = ChainedEvent.GENESIS;
    for (ChainedEvent e : chain) {
      ChainedEvent changed = (e.seq() == 2 ? withDetails(e, "rewritten") : e).linked(e.seq(), prev);
      rewritten.add(changed);
      prev = changed.hash();
    }

    ChainVerdict verdict = verifier(digests).verdictOf(rewritten);
    assertThat(verdict.broken().orElseThrow().reason())
        .isEqualTo("the chain up to event #4 (seq 4) was rewritten after digest #1 signed it");
  }

  @Test
  void digestsOfAnUntrustedKeyOrForgedOrOutOfLineAreRefused() {
    List<ChainedEvent> chain = chain(3);
    ChainDigest first = digest(1, ChainDigest.Kind.HEAD, chain.get(1), null, key);

    assertThat(
            verify(chain, List.of(digest(1, ChainDigest.Kind.HEAD, chain.get(2), null, stranger)))
                .broken()
                .orElseThrow()
                .reason())
        .isEqualTo("digest #1 is signed by a key that is not trusted");
    ChainDigest forged =
        new ChainDigest(
            2,
            "demo",
            ChainDigest.Kind.HEAD,
            3,
            chain.get(2).hash(),
            Instant.EPOCH,
            key.id(),
            first.signature(),
            first.signature());
    assertThat(verify(chain, List.of(first, forged)).broken().orElseThrow().reason())
        .isEqualTo("digest #2 does not match its signature");
    ChainDigest unlinked = digest(2, ChainDigest.Kind.HEAD, chain.get(2), null, key);
    assertThat(verify(chain, List.of(first, unlinked)).broken().orElseThrow().reason())
        .isEqualTo("digest #2 does not follow digest #1: one between was removed");
    assertThat(
            verify(
                    chain,
                    List.of(
                        first,
                        digest(2, ChainDigest.Kind.HEAD, chain.get(2), first.signature(), key)))
                .broken())
        .isEmpty();
  }

  @Test
  void eventsRemovedFromTheEndAreFoundByTheChainsHead() {
    List<ChainedEvent> chain = chain(4);
    ChainVerifier verifier = new ChainVerifier("demo", List.of(), trusted());
    for (ChainedEvent e : chain.subList(0, 3)) {
      verifier.next(e.seq(), e);
    }
    assertThat(verifier.finish(4, chain.get(3).hash()).broken().orElseThrow().reason())
        .isEqualTo("the chain's last events after seq 3 are missing");
  }

  @Test
  void theCanonicalTextKeepsFieldsApartAndStoresWhatTheDatabaseKeeps() {
    ChainedEvent a = event("ab", "c", Instant.EPOCH).linked(1, ChainedEvent.GENESIS);
    ChainedEvent b = event("a", "bc", Instant.EPOCH).linked(1, ChainedEvent.GENESIS);
    assertThat(a.hash()).isNotEqualTo(b.hash());

    ChainedEvent surrogate =
        ChainedEvent.unlinked(
            new AuditRecord(
                "r",
                "demo",
                "x".repeat(199) + "\ud83d\ude00",
                "VERIFY",
                "OK",
                List.of(),
                null,
                1,
                null),
            Instant.parse("2026-01-01T00:00:00.123456Z"));
    assertThat(surrogate.actor()).hasSize(200).endsWith("x?");
    assertThat(surrogate.occurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
  }

  private static ChainVerdict verify(List<ChainedEvent> chain, List<ChainDigest> digests) {
    return verifier(digests).verdictOf(chain);
  }

  private static Walk verifier(List<ChainDigest> digests) {
    return new Walk(new ChainVerifier("demo", digests, trusted()));
  }

  private record Walk(ChainVerifier verifier) {
    ChainVerdict verdictOf(List<ChainedEvent> chain) {
      chain.forEach(e -> verifier.next(e.seq(), e));
      ChainedEvent last = chain.get(chain.size() - 1);
      return verifier.finish(last.seq(), last.hash());
    }
  }

  private static Map<String, PublicKey> trusted() {
    return Map.of(key.id(), key.publicKey());
  }

  /** Events 1..n of tenant "demo"; event i has row id i. */
  private static List<ChainedEvent> chain(int n) {
    List<ChainedEvent> chain = new ArrayList<>();
    String prev = ChainedEvent.GENESIS;
    for (int i = 1; i <= n; i++) {
      ChainedEvent e = event("client-" + i, "VERIFY", Instant.ofEpochMilli(i)).linked(i, prev);
      chain.add(e);
      prev = e.hash();
    }
    return chain;
  }

  private static ChainedEvent event(String actor, String operation, Instant at) {
    return ChainedEvent.unlinked(
        new AuditRecord("req", "demo", actor, operation, "OK", List.of("f"), 0.5, 3, "d"), at);
  }

  private static ChainedEvent withDetails(ChainedEvent e, String details) {
    return new ChainedEvent(
        e.chain(),
        e.seq(),
        e.occurredAt(),
        e.actor(),
        e.operation(),
        e.outcome(),
        e.faceIds(),
        e.similarity(),
        e.processingMs(),
        e.requestId(),
        details,
        e.prevHash(),
        e.hash());
  }

  private static ChainDigest digest(
      long id, ChainDigest.Kind kind, ChainedEvent at, String previous, SigningKey signer) {
    ChainDigest unsigned =
        new ChainDigest(
            id, "demo", kind, at.seq(), at.hash(), Instant.EPOCH, signer.id(), previous, null);
    return new ChainDigest(
        id,
        "demo",
        kind,
        at.seq(),
        at.hash(),
        Instant.EPOCH,
        signer.id(),
        previous,
        signer.sign(unsigned.canonical()));
  }

  private static Path newKey(Path file) throws NoSuchAlgorithmException, IOException {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());
    Files.writeString(
        file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    return file;
  }
}
