package org.facematch.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.facematch.audit.entity.ChainDigest;
import org.facematch.schema.control.UtcInstantConverter;

/**
 * Signs statements about the chains' heads (the pattern of AWS CloudTrail's hourly digest files):
 * whoever rewrites a chain after its head was signed, hashes and all, cannot sign again. Each
 * digest carries the signature of the chain's digest before it.
 */
@ApplicationScoped
public class ChainDigests {

  @Inject AuditKeys keys;

  @Resource(lookup = "java:app/jdbc/facematch")
  DataSource database;

  /**
   * Signs the head of the chain if it moved since its last digest.
   *
   * @return whether a digest was written
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean signHead(String chain) {
    try (Connection connection = database.getConnection()) {
      long seq;
      String hash;
      try (PreparedStatement s =
          connection.prepareStatement(
              "SELECT last_seq, last_hash FROM audit_chains WHERE chain_key = ? FOR UPDATE")) {
        s.setString(1, chain);
        try (ResultSet row = s.executeQuery()) {
          if (!row.next()) {
            return false;
          }
          seq = row.getLong(1);
          hash = row.getString(2);
        }
      }
      Optional<Latest> latest = latest(connection, chain);
      if (seq == 0 || latest.isPresent() && latest.get().seq == seq) {
        return false;
      }
      write(connection, chain, ChainDigest.Kind.HEAD, seq, hash);
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not sign the head of audit chain " + chain, e);
    }
  }

  /**
   * Writes a digest on the given connection, inside its transaction; the caller holds the chain's
   * row lock, so digests of one chain are written one after the other.
   */
  void write(Connection connection, String chain, ChainDigest.Kind kind, long seq, String hash)
      throws SQLException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Optional<SigningKey> key = keys.signing();
    String previous = latest(connection, chain).map(l -> l.signature).orElse(null);
    ChainDigest digest =
        new ChainDigest(
            0, chain, kind, seq, hash, now, key.map(SigningKey::id).orElse(null), previous, null);
    String signature = key.map(k -> k.sign(digest.canonical())).orElse(null);
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO audit_digests (chain_key, kind, seq, head_hash, signed_at, key_id,"
                + " previous_signature, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, chain);
      s.setString(2, kind.name());
      s.setLong(3, seq);
      s.setString(4, hash);
      s.setString(5, (String) new UtcInstantConverter().convertToDatabaseColumn(now));
      s.setString(6, digest.keyId());
      s.setString(7, previous);
      s.setString(8, signature);
      s.executeUpdate();
    }
  }

  private record Latest(long seq, String signature) {}

  private static Optional<Latest> latest(Connection connection, String chain) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT seq, signature FROM audit_digests WHERE chain_key = ? ORDER BY id DESC LIMIT 1")) {
      s.setString(1, chain);
      try (ResultSet row = s.executeQuery()) {
        return row.next()
            ? Optional.of(new Latest(row.getLong(1), row.getString(2)))
            : Optional.empty();
      }
    }
  }
}
