package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.facematch.audit.entity.ChainedEvent;
import org.facematch.stack.AuditVerification;

/**
 * The audit trail as an operator sees it: the verification command run against the test database,
 * and the scheduled jobs made due at once, as their interval would.
 */
final class AuditTrails {

  private AuditTrails() {}

  /** The verification command's exit status and output for one tenant's chain. */
  record Verification(int status, String output) {}

  static Verification verify(String tenant) {
    var out = new ByteArrayOutputStream();
    int status =
        AuditVerification.run(
            TestStack.get().database(),
            tenant,
            AuditVerification.trustedKeys("", Map.of(), TestStack.get().dataDir()),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Verification(status, out.toString(StandardCharsets.UTF_8));
  }

  /** Makes a scheduled job due now; a node runs it at its next tick (2 s in the test stack). */
  static void runJobNow(String job) {
    update("UPDATE scheduled_jobs SET next_run_at = '2000-01-01' WHERE name = ?", job);
  }

  /** Waits until the digest job has signed the tenant's chain at its current head. */
  static void awaitSignedHead(String tenant) {
    long head = queryLong("SELECT last_seq FROM audit_chains WHERE chain_key = ?", tenant);
    runJobNow("audit-digest");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (queryLong(
            "SELECT COUNT(*) FROM audit_digests WHERE chain_key = ? AND kind = 'HEAD' AND seq >= ?",
            tenant,
            head)
        == 0) {
      assertThat(Instant.now()).as("the head of " + tenant + " signed").isBefore(deadline);
      sleep(200);
    }
  }

  /** Waits until the tenant's trail has an event of the operation (a scheduled job's, say). */
  static void awaitEvent(String tenant, String operation) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (TestTenants.auditOfTenant(tenant, operation).isEmpty()) {
      assertThat(Instant.now()).as(operation + " of " + tenant).isBefore(deadline);
      sleep(250);
    }
  }

  /** The tenant's chained events, as {@code id} in the order of the chain. */
  static List<Long> chainedIds(String tenant) {
    List<Long> ids = new ArrayList<>();
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM audit_events WHERE tenant_id = ? AND seq IS NOT NULL ORDER BY seq")) {
      s.setString(1, tenant);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  /**
   * Recomputes every hash of the tenant's chain from its stored content, as someone with database
   * access and this project's source could: the chain then holds together again, and only its
   * signed digests can tell.
   */
  static void rechain(String tenant) {
    try (Connection c = TestStack.get().database().connect()) {
      c.setAutoCommit(false);
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, seq, occurred_at, actor, operation, outcome, face_ids, similarity,"
                  + " processing_ms, request_id, details, prev_hash FROM audit_events"
                  + " WHERE tenant_id = ? AND seq IS NOT NULL ORDER BY seq FOR UPDATE")) {
        s.setString(1, tenant);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            ChainedEvent event =
                new ChainedEvent(
                    tenant,
                    r.getLong(2),
                    r.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    (Double) r.getObject(8),
                    (Integer) r.getObject(9),
                    r.getString(10),
                    r.getString(11),
                    r.getString(12),
                    null);
            rows.add(new Object[] {r.getLong(1), event});
          }
        }
      }
      String prev = null;
      try (PreparedStatement s =
          c.prepareStatement("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?")) {
        for (Object[] row : rows) {
          ChainedEvent event = (ChainedEvent) row[1];
          ChainedEvent linked = event.linked(event.seq(), prev == null ? event.prevHash() : prev);
          s.setString(1, linked.prevHash());
          s.setString(2, linked.hash());
          s.setLong(3, (Long) row[0]);
          s.executeUpdate();
          prev = linked.hash();
        }
      }
      try (PreparedStatement s =
          c.prepareStatement("UPDATE audit_chains SET last_hash = ? WHERE chain_key = ?")) {
        s.setString(1, prev);
        s.setString(2, tenant);
        s.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Moves the tenant's first {@code count} events {@code age} into the past, with their chain
   * recomputed and its digests dropped: the trail as it would stand had they happened then.
   */
  static void age(String tenant, int count, Duration age) {
    List<Long> first = chainedIds(tenant).subList(0, count);
    for (long id : first) {
      update(
          "UPDATE audit_events SET occurred_at = occurred_at - INTERVAL ? SECOND WHERE id = ?",
          age.toSeconds(),
          id);
    }
    rechain(tenant);
    update("DELETE FROM audit_digests WHERE chain_key = ?", tenant);
  }

  static long queryLong(String sql, Object... params) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String queryString(String sql, Object... params) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static int update(String sql, Object... params) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
