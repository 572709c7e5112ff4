package org.facematch.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * An audit event as its tenant's chain holds it: the stored fields, its place in the chain and the
 * hashes that tie it to the event before. {@link #canonical()} is the one text the hash is taken
 * over, so writing and verifying cannot drift apart; every field is written with its length, so no
 * two different events share a canonical text.
 *
 * @param chain the tenant's id, or {@link #INSTALLATION} for events of no tenant
 * @param seq the event's place in its chain, from 1, without gaps
 * @param prevHash the hash of the event before, or {@link #GENESIS} for the first
 * @param hash SHA-256 over {@link #canonical()}, in lower-case hex
 */
public record ChainedEvent(
    String chain,
    long seq,
    Instant occurredAt,
    String actor,
    String operation,
    String outcome,
    String faceIds,
    Double similarity,
    Integer processingMs,
    String requestId,
    String details,
    String prevHash,
    String hash) {

  /** The chain of events that belong to no tenant (refused tokens, unknown paths). */
  public static final String INSTALLATION = "";

  public static final String GENESIS = "0".repeat(64);

  static final int MAX_ACTOR = 200;
  static final int MAX_FACE_IDS = 1000;
  static final int MAX_DETAILS = 2000;
  static final int MAX_REQUEST_ID = 64;

  /** The event a record describes, as it will be stored: truncated, at millisecond precision. */
  public static ChainedEvent unlinked(AuditRecord record, Instant at) {
    return new ChainedEvent(
        record.tenantId() == null ? INSTALLATION : record.tenantId(),
        0,
        at.truncatedTo(ChronoUnit.MILLIS),
        storable(record.actor() == null ? "anonymous" : record.actor(), MAX_ACTOR),
        record.operation(),
        record.outcome(),
        record.faceIds().isEmpty()
            ? null
            : storable(String.join(",", record.faceIds()), MAX_FACE_IDS),
        record.similarity(),
        record.processingMs(),
        record.requestId() == null ? null : storable(record.requestId(), MAX_REQUEST_ID),
        record.details() == null ? null : storable(record.details(), MAX_DETAILS),
        null,
        null);
  }

  /** This event at {@code seq}, after the event whose hash is {@code prevHash}. */
  public ChainedEvent linked(long seq, String prevHash) {
    return new ChainedEvent(
        chain,
        seq,
        occurredAt,
        actor,
        operation,
        outcome,
        faceIds,
        similarity,
        processingMs,
        requestId,
        details,
        prevHash,
        sha256(canonical(seq, prevHash)));
  }

  /** The tenant's id as stored, null for the installation's chain. */
  public String tenantId() {
    return INSTALLATION.equals(chain) ? null : chain;
  }

  /** Whether {@link #hash} is the hash of this event's content and place. */
  public boolean hashMatches() {
    return sha256(canonical()).equals(hash);
  }

  public String canonical() {
    return canonical(seq, prevHash);
  }

  private String canonical(long seq, String prevHash) {
    StringBuilder text = new StringBuilder("facematch-audit-event-v1\n");
    field(text, "chain", chain);
    field(text, "seq", Long.toString(seq));
    field(text, "occurred_at", Long.toString(occurredAt.toEpochMilli()));
    field(text, "actor", actor);
    field(text, "operation", operation);
    field(text, "outcome", outcome);
    field(text, "face_ids", faceIds);
    field(text, "similarity", similarity == null ? null : Double.toString(similarity));
    field(text, "processing_ms", processingMs == null ? null : Integer.toString(processingMs));
    field(text, "request_id", requestId);
    field(text, "details", details);
    field(text, "prev_hash", prevHash);
    return text.toString();
  }

  private static void field(StringBuilder text, String name, String value) {
    text.append(name).append('=');
    if (value == null) {
      text.append('-');
    } else {
      text.append(value.length()).append(':').append(value);
    }
    text.append('\n');
  }

  /**
   * At most {@code max} characters, as the column keeps them. A lone surrogate (half of a cut
   * emoji, or sent so) is stored as '?', so it is made one here, before the hash is taken.
   */
  static String storable(String value, int max) {
    String cut = value.length() <= max ? value : value.substring(0, max);
    return new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
