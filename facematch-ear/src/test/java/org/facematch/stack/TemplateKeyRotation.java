package org.facematch.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facematch.storage.control.TemplateKeyring;

/**
 * The operator's key rotation command ({@code mvn -q -Ptemplate-keys-rotate [-Dtenant=<id>]
 * [-Dbatch=500]}): re-encrypts every stored template that is not sealed with the keyring's current
 * key (or not sealed at all), a batch per transaction, and prints how many templates each key seals
 * afterwards. Run it once every node reads the new keyring; a key may leave the keyring once it
 * seals nothing. Exit status 0 when every template is sealed with the current key, 1 when some
 * could not be opened (their key is not in the keyring), 2 when it could not run.
 */
public final class TemplateKeyRotation {

  private TemplateKeyRotation() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    Path dataDir = LocalStack.dataDir(env);
    Path keyring =
        Path.of(
            env.getOrDefault(
                "FACEMATCH_TEMPLATE_KEYS_FILE",
                dataDir.resolve("keys").resolve("template-keys.properties").toString()));
    System.exit(
        run(
            Database.running(dataDir, LocalStack.RUN_DB_PORT, env),
            TemplateKeyring.load(keyring),
            System.getProperty("tenant", ""),
            Integer.getInteger("batch", 500),
            System.out));
  }

  private record Row(String id, String tenant, byte[] stored, String keyId) {}

  public static int run(
      Database database, TemplateKeyring keyring, String tenant, int batch, PrintStream out) {
    String current = keyring.currentKeyId();
    String ofTenant = tenant.isBlank() ? "" : " AND tenant_id = ?";
    int sealed = 0;
    int unreadable = 0;
    String after = "";
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      while (true) {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT id, tenant_id, embedding, embedding_key_id FROM faces WHERE id > ?"
                    + ofTenant
                    + " AND embedding IS NOT NULL AND (embedding_key_id IS NULL OR"
                    + " embedding_key_id <> ?) ORDER BY id LIMIT ?")) {
          int i = 1;
          s.setString(i++, after);
          if (!tenant.isBlank()) {
            s.setString(i++, tenant);
          }
          s.setString(i++, current);
          s.setInt(i, batch);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              rows.add(new Row(r.getString(1), r.getString(2), r.getBytes(3), r.getString(4)));
            }
          }
        }
        if (rows.isEmpty()) {
          break;
        }
        try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE faces SET embedding = ?, embedding_key_id = ? WHERE id = ?"
                    + " AND embedding_key_id <=> ?")) {
          for (Row row : rows) {
            after = row.id();
            byte[] template;
            try {
              template =
                  row.keyId() == null
                      ? row.stored()
                      : keyring.open(row.tenant(), row.id(), row.keyId(), row.stored());
            } catch (IllegalArgumentException e) {
              out.println("Face " + row.id() + ": " + e.getMessage());
              unreadable++;
              continue;
            }
            TemplateKeyring.Sealed again = keyring.seal(row.tenant(), row.id(), template);
            update.setBytes(1, again.bytes());
            update.setString(2, again.keyId());
            update.setString(3, row.id());
            update.setString(4, row.keyId());
            sealed += update.executeUpdate();
          }
        }
        c.commit();
        out.println("Sealed " + sealed + " templates with key " + current + " so far");
      }
      out.println("Templates by key now: " + byKey(c, tenant));
      return unreadable == 0 ? 0 : 1;
    } catch (SQLException e) {
      out.println("Could not rotate the template keys: " + e.getMessage());
      return 2;
    }
  }

  static Map<String, Long> byKey(Connection c, String tenant) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT IFNULL(embedding_key_id, '(clear)'), COUNT(*) FROM faces WHERE embedding IS NOT"
                + " NULL"
                + (tenant.isBlank() ? "" : " AND tenant_id = ?")
                + " GROUP BY embedding_key_id ORDER BY 1")) {
      if (!tenant.isBlank()) {
        s.setString(1, tenant);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          counts.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return counts;
  }
}
