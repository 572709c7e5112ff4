package org.facematch.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.facematch.stack.DemoData;
import org.facematch.stack.Tokens;

/** Seeds tenants and faces straight into the test database, so each test owns its data. */
public final class TestTenants {

  private TestTenants() {}

  public static String enabled() {
    return create(true);
  }

  public static String disabled() {
    return create(false);
  }

  public static String unknown() {
    return "unknown-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Tokens token(String tenant, String... groups) {
    return Tokens.signedWith(TestStack.get().keys().privateKey())
        .tenant(tenant)
        .groups(groups)
        .expires(Instant.now().plus(Duration.ofMinutes(10)));
  }

  /** Changes settings straight in the database, e.g. {@code "enable_blacklist = FALSE"}. */
  public static void set(String tenant, String assignments) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement("UPDATE tenants SET " + assignments + " WHERE id = ?")) {
      s.setString(1, tenant);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Support's quotas (requests per minute), straight in the database, as the console saves them.
   */
  public static void rateLimits(String tenant, int verify, int search, int register, int other) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "REPLACE INTO tenant_rate_limits (tenant_id, verify_per_minute, search_per_minute,"
                    + " register_per_minute, other_per_minute, revision, updated_at, updated_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, NOW(3), 'test')")) {
      s.setString(1, tenant);
      s.setInt(2, verify);
      s.setInt(3, search);
      s.setInt(4, register);
      s.setInt(5, other);
      s.setLong(6, System.currentTimeMillis());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The audit events of one request: operation, outcome, face ids, details. */
  public static java.util.List<String> auditOf(String requestId) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT CONCAT_WS('|', operation, outcome, IFNULL(tenant_id, '-'), actor, IFNULL(face_ids, '-'),"
                    + " IFNULL(details, '-')) FROM audit_events WHERE request_id = ? ORDER BY id")) {
      s.setString(1, requestId);
      var rows = new java.util.ArrayList<String>();
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A tenant's audit events of one operation: operation, outcome, details. */
  public static java.util.List<String> auditOfTenant(String tenant, String operation) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT CONCAT_WS('|', operation, outcome, IFNULL(details, '-')) FROM audit_events"
                    + " WHERE tenant_id = ? AND operation = ? ORDER BY id")) {
      s.setString(1, tenant);
      s.setString(2, operation);
      var rows = new java.util.ArrayList<String>();
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static int reviewCases(String tenant) {
    return rowsOf("review_cases", tenant);
  }

  public static int faceRows(String tenant) {
    return rowsOf("faces", tenant);
  }

  private static int rowsOf(String table, String tenant) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?")) {
      s.setString(1, tenant);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows only, no images: enough for counting. */
  public static void addFaces(String tenant, int count) {
    try (Connection c = TestStack.get().database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO faces (id, tenant_id, session_id, engine_face_id, s3_key, model_version,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, 'test', UTC_TIMESTAMP(3))")) {
      for (int i = 0; i < count; i++) {
        String id = UUID.randomUUID().toString();
        s.setString(1, id);
        s.setString(2, tenant);
        s.setString(3, "session-" + i);
        s.setString(4, id);
        s.setString(5, "tenants/" + tenant + "/faces/" + id + ".jpg");
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String create(boolean enabled) {
    String id = "t-" + UUID.randomUUID().toString().substring(0, 12);
    try (Connection c = TestStack.get().database().connect()) {
      DemoData.insertTenant(c, id, "Tenant " + id, enabled);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }
}
