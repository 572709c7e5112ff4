package org.facematch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.facematch.tenant.boundary.ConsoleAccounts;

/**
 * The demo tenant and console logins the run command seeds. Passwords are generated on first run
 * and kept in the data folder; the database holds only their PBKDF2 hashes, in the format Jakarta
 * Security's {@code Pbkdf2PasswordHash} verifies.
 */
public final class DemoData {

  public static final String TENANT = "demo";
  public static final String SUPPORT_USER = "support";
  public static final String TENANT_ADMIN_USER = "demo-admin";
  static final String DEFAULT_MODEL = "faceplugin-0.0.1";
  private static final int PBKDF2_ITERATIONS = ConsoleAccounts.HASH_ITERATIONS;

  private final Properties passwords;

  private DemoData(Properties passwords) {
    this.passwords = passwords;
  }

  public static DemoData loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve("console-logins.properties");
    Properties passwords = new Properties();
    try {
      if (Files.exists(file)) {
        OwnerOnlyFiles.restrict(file);
        try (var in = Files.newInputStream(file)) {
          passwords.load(in);
        }
      } else {
        passwords.setProperty(SUPPORT_USER, randomPassword());
        passwords.setProperty(TENANT_ADMIN_USER, randomPassword());
        var out = new java.io.ByteArrayOutputStream();
        passwords.store(out, "Console logins of the local demo installation");
        OwnerOnlyFiles.write(file, out.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DemoData(passwords);
  }

  public String password(String user) {
    return passwords.getProperty(user);
  }

  /** Inserts what is missing; leaves what a user changed in an earlier run alone. */
  public void seed(Database database) {
    try (Connection c = database.connect()) {
      insertTenant(c, TENANT, "Demo tenant", true);
      insertUser(c, SUPPORT_USER, "support", null);
      insertUser(c, TENANT_ADMIN_USER, "tenant-admin", TENANT);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot seed the demo data", e);
    }
  }

  public static void insertTenant(Connection c, String id, String name, boolean enabled)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT IGNORE INTO tenants (id, name, enabled, model_version, created_at, created_by,"
                + " updated_at, updated_by) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3), 'seed',"
                + " UTC_TIMESTAMP(3), 'seed')")) {
      s.setString(1, id);
      s.setString(2, name);
      s.setBoolean(3, enabled);
      s.setString(4, DEFAULT_MODEL);
      s.executeUpdate();
    }
  }

  private void insertUser(Connection c, String username, String role, String tenant)
      throws SQLException {
    insertUser(c, username, password(username), role, tenant);
  }

  public static void insertUser(
      Connection c, String username, String password, String role, String tenant)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT IGNORE INTO console_users (username, password_hash, role, tenant_id, created_at,"
                + " created_by) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3), 'seed')")) {
      s.setString(1, username);
      s.setString(2, pbkdf2(password));
      s.setString(3, role);
      s.setString(4, tenant);
      s.executeUpdate();
    }
  }

  static String pbkdf2(String password) {
    try {
      byte[] salt = new byte[32];
      new SecureRandom().nextBytes(salt);
      var spec = new PBEKeySpec(password.toCharArray(), salt, PBKDF2_ITERATIONS, 32 * 8);
      byte[] hash =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      var b64 = Base64.getEncoder();
      return "PBKDF2WithHmacSHA256:"
          + PBKDF2_ITERATIONS
          + ":"
          + b64.encodeToString(salt)
          + ":"
          + b64.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
