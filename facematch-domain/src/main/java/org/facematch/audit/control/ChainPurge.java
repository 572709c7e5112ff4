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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.facematch.audit.entity.ChainDigest;
import org.facematch.schema.control.UtcInstantConverter;

/**
 * Removes a chain's oldest events once they outlived the retention, so that what remains still
 * verifies: only a prefix of the chain goes, up to the first event that is still kept, and a signed
 * {@link ChainDigest.Kind#ANCHOR} records the hash of the last one removed, which the first one
 * kept names as its predecessor. Events written before chaining began go by age alone.
 */
@ApplicationScoped
public class ChainPurge {

  @Inject ChainDigests digests;

  @Resource(lookup = "java:app/jdbc/facematch")
  DataSource database;

  /** Whether {@link #purge} has anything to remove. */
  public boolean due(String chain, Instant before) {
    try (Connection connection = database.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "SELECT 1 FROM audit_events WHERE "
                    + ChainReader.ofChain(chain)
                    + " AND occurred_at < ? LIMIT 1")) {
      int next = ChainReader.bindChain(s, chain, 1);
      s.setString(next, utc(before));
      try (ResultSet row = s.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read audit chain " + chain, e);
    }
  }

  /**
   * Removes up to {@code limit} events that occurred before {@code before}, in one transaction.
   *
   * @return how many were removed; fewer than {@code limit} means none are due any more
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge(String chain, Instant before, int limit) {
    try (Connection connection = database.getConnection()) {
      long unchainedThrough;
      try (PreparedStatement s =
          connection.prepareStatement(
              "SELECT unchained_through FROM audit_chains WHERE chain_key = ? FOR UPDATE")) {
        s.setString(1, chain);
        try (ResultSet row = s.executeQuery()) {
          if (!row.next()) {
            return 0;
          }
          unchainedThrough = row.getLong(1);
        }
      }
      int removed = purgeUnchained(connection, chain, unchainedThrough, before, limit);
      if (removed > 0) {
        return removed;
      }
      long first = -1;
      long last = -1;
      String lastHash = null;
      try (PreparedStatement s =
          connection.prepareStatement(
              "SELECT seq, occurred_at, hash FROM audit_events WHERE "
                  + ChainReader.ofChain(chain)
                  + " AND seq IS NOT NULL ORDER BY seq LIMIT "
                  + limit)) {
        ChainReader.bindChain(s, chain, 1);
        try (ResultSet row = s.executeQuery()) {
          while (row.next()) {
            Instant occurred = row.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            if (!occurred.isBefore(before)) {
              break;
            }
            if (first < 0) {
              first = row.getLong(1);
            }
            last = row.getLong(1);
            lastHash = row.getString(3);
          }
        }
      }
      if (last < 0) {
        return 0;
      }
      try (PreparedStatement s =
          connection.prepareStatement(
              "DELETE FROM audit_events WHERE "
                  + ChainReader.ofChain(chain)
                  + " AND seq BETWEEN ? AND ?")) {
        int next = ChainReader.bindChain(s, chain, 1);
        s.setLong(next, first);
        s.setLong(next + 1, last);
        removed = s.executeUpdate();
      }
      digests.write(connection, chain, ChainDigest.Kind.ANCHOR, last, lastHash);
      // Digests before the first that still speaks of a kept event go; the rest stay linked.
      try (PreparedStatement s =
          connection.prepareStatement(
              "DELETE FROM audit_digests WHERE chain_key = ? AND id < (SELECT MIN(id) FROM"
                  + " (SELECT id FROM audit_digests WHERE chain_key = ? AND seq >= ?) kept)")) {
        s.setString(1, chain);
        s.setString(2, chain);
        s.setLong(3, last);
        s.executeUpdate();
      }
      return removed;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not purge audit chain " + chain, e);
    }
  }

  private static int purgeUnchained(
      Connection connection, String chain, long unchainedThrough, Instant before, int limit)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "DELETE FROM audit_events WHERE "
                + ChainReader.ofChain(chain)
                + " AND seq IS NULL AND id <= ? AND occurred_at < ? ORDER BY id LIMIT "
                + limit)) {
      int next = ChainReader.bindChain(s, chain, 1);
      s.setLong(next, unchainedThrough);
      s.setString(next + 1, utc(before));
      return s.executeUpdate();
    }
  }

  private static String utc(Instant instant) {
    return (String) new UtcInstantConverter().convertToDatabaseColumn(instant);
  }
}
