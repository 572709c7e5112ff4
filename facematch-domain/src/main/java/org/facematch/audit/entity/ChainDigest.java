package org.facematch.audit.entity;

import java.time.Instant;

/**
 * A signed statement about a chain: that its event at {@code seq} has the hash {@code headHash}.
 * Each digest carries the signature of the chain's digest before it, so digests cannot be removed
 * from the middle unnoticed.
 *
 * @param kind {@link Kind#HEAD}, signed periodically, or {@link Kind#ANCHOR}, written by the
 *     retention purge for the last event it removed, from which the rest is verified
 * @param keyId SHA-256 of the signing key's public key (X.509 encoding), in hex; null when unsigned
 * @param signature SHA256withRSA over {@link #canonical()}, Base64; null when no key is configured
 */
public record ChainDigest(
    long id,
    String chain,
    Kind kind,
    long seq,
    String headHash,
    Instant signedAt,
    String keyId,
    String previousSignature,
    String signature) {

  public enum Kind {
    HEAD,
    ANCHOR
  }

  public String canonical() {
    return "facematch-audit-digest-v1\n"
        + "chain="
        + chain.length()
        + ":"
        + chain
        + "\nkind="
        + kind
        + "\nseq="
        + seq
        + "\nhead_hash="
        + headHash
        + "\nsigned_at="
        + signedAt.toEpochMilli()
        + "\nkey_id="
        + keyId
        + "\nprevious_signature="
        + (previousSignature == null ? "-" : previousSignature)
        + "\n";
  }
}
