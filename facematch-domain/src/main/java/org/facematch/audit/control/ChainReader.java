package org.facematch.audit.control;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.facematch.audit.entity.ChainDigest;
import org.facematch.audit.entity.ChainVerdict;
import org.facematch.audit.entity.ChainedEvent;

/**
 * Reads a chain straight from the database and verifies it: the server's console action and the
 * operator's command ({@code VerifyAuditChain}) both run exactly this, over a plain JDBC
 * connection, so what they check cannot differ.
 */
public final class ChainReader {

  static final int PAGE = 5000;

  private ChainReader() {}

  /**
   * The chains the database holds: one per tenant that was ever audited, and the installation's.
   */
  public static List<String> chains(Connection connection) throws SQLException {
    List<String> chains = new ArrayList<>();
    try (PreparedStatement s =
            connection.prepareStatement("SELECT chain_key FROM audit_chains ORDER BY chain_key");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        chains.add(rows.getString(1));
      }
    }
    return chains;
  }

  public static ChainVerdict verify(
      Connection connection, String chain, Map<String, PublicKey> trusted) throws SQLException {
    long lastSeq = 0;
    String lastHash = ChainedEvent.GENESIS;
    long unchainedThrough = 0;
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT last_seq, last_hash, unchained_through FROM audit_chains WHERE chain_key = ?")) {
      s.setString(1, chain);
      try (ResultSet row = s.executeQuery()) {
        if (row.next()) {
          lastSeq = row.getLong(1);
          lastHash = row.getString(2);
          unchainedThrough = row.getLong(3);
        }
      }
    }
    ChainVerifier verifier = new ChainVerifier(chain, digests(connection, chain), trusted);
    String ofChain = ofChain(chain);
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id FROM audit_events WHERE " + ofChain + " AND seq IS NULL ORDER BY id")) {
      bindChain(s, chain, 1);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          if (id <= unchainedThrough) {
            verifier.unchainedBefore();
          } else {
            verifier.outsideTheChain(id);
          }
        }
      }
    }
    long after = 0;
    while (true) {
      int read = 0;
      try (PreparedStatement s =
          connection.prepareStatement(
              "SELECT id, seq, occurred_at, actor, operation, outcome, face_ids, similarity,"
                  + " processing_ms, request_id, details, prev_hash, hash FROM audit_events WHERE "
                  + ofChain
                  + " AND seq > ? ORDER BY seq LIMIT "
                  + PAGE)) {
        int next = bindChain(s, chain, 1);
        s.setLong(next, after);
        try (ResultSet row = s.executeQuery()) {
          while (row.next()) {
            ChainedEvent event = event(chain, row);
            verifier.next(row.getLong(1), event);
            after = event.seq();
            read++;
          }
        }
      }
      if (read < PAGE) {
        break;
      }
    }
    return verifier.finish(lastSeq, lastHash);
  }

  static List<ChainDigest> digests(Connection connection, String chain) throws SQLException {
    List<ChainDigest> digests = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, kind, seq, head_hash, signed_at, key_id, previous_signature, signature"
                + " FROM audit_digests WHERE chain_key = ? ORDER BY id")) {
      s.setString(1, chain);
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          digests.add(
              new ChainDigest(
                  row.getLong(1),
                  chain,
                  ChainDigest.Kind.valueOf(row.getString(2)),
                  row.getLong(3),
                  row.getString(4),
                  row.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                  row.getString(6),
                  row.getString(7),
                  row.getString(8)));
        }
      }
    }
    return digests;
  }

  private static ChainedEvent event(String chain, ResultSet row) throws SQLException {
    double similarity = row.getDouble(8);
    Double similarityOrNull = row.wasNull() ? null : similarity;
    int processing = row.getInt(9);
    Integer processingOrNull = row.wasNull() ? null : processing;
    return new ChainedEvent(
        chain,
        row.getLong(2),
        row.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        similarityOrNull,
        processingOrNull,
        row.getString(10),
        row.getString(11),
        row.getString(12),
        row.getString(13));
  }

  /** The condition on {@code audit_events} that selects one chain's events. */
  static String ofChain(String chain) {
    return chain.isEmpty() ? "tenant_id IS NULL" : "tenant_id = ?";
  }

  /** Binds the chain's parameter of {@link #ofChain}, if it has one; returns the next index. */
  static int bindChain(PreparedStatement s, String chain, int index) throws SQLException {
    if (chain.isEmpty()) {
      return index;
    }
    s.setString(index, chain);
    return index + 1;
  }
}
