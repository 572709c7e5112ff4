package org.facematch.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.facematch.audit.control.AuditKeys;
import org.facematch.audit.control.ChainReader;
import org.facematch.audit.control.SigningKey;
import org.facematch.audit.entity.ChainVerdict;

/**
 * The operator's audit verification command ({@code mvn -q -Paudit-verify [-Dtenant=<id>]
 * [-Dpublic-key=<pem>,...]}): walks one tenant's chain, or every chain, straight from the database
 * and names the first broken link of each. It trusts the public keys it is given, or else the
 * public part of the configured signing key. Exit status 0 when every chain is intact, 1 when one
 * is broken, 2 when it could not check.
 */
public final class AuditVerification {

  private AuditVerification() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    Path dataDir = LocalStack.dataDir(env);
    Database database = Database.running(dataDir, LocalStack.RUN_DB_PORT, env);
    System.exit(
        run(
            database,
            System.getProperty("tenant", ""),
            trustedKeys(System.getProperty("public-key", ""), env, dataDir),
            System.out));
  }

  /** Verifies the tenant's chain, or every chain when {@code tenant} is blank. */
  public static int run(
      Database database, String tenant, Map<String, PublicKey> trusted, PrintStream out) {
    try (Connection connection = database.connect()) {
      List<String> chains = tenant.isBlank() ? ChainReader.chains(connection) : List.of(tenant);
      int status = 0;
      for (String chain : chains) {
        ChainVerdict verdict = ChainReader.verify(connection, chain, trusted);
        out.println(verdict.summary());
        verdict.warnings().forEach(w -> out.println("  note: " + w));
        if (!verdict.intact()) {
          status = 1;
        }
      }
      return status;
    } catch (SQLException e) {
      out.println("Could not read the audit trail: " + e.getMessage());
      return 2;
    }
  }

  /**
   * The keys given as PEM files, else the public part of the signing key the server uses ({@code
   * FACEMATCH_AUDIT_SIGNING_KEY_FILE}, or the run command's own in the data folder).
   */
  public static Map<String, PublicKey> trustedKeys(
      String publicKeyFiles, Map<String, String> env, Path dataDir) {
    Map<String, PublicKey> trusted = new HashMap<>();
    if (!publicKeyFiles.isBlank()) {
      for (String file : publicKeyFiles.split(",")) {
        try {
          trusted.putAll(
              AuditKeys.publicKeys(
                  Files.readString(Path.of(file.strip()), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
          throw new IllegalArgumentException("Cannot read the public key " + file + ": " + e, e);
        }
      }
      return trusted;
    }
    Path signing =
        Path.of(
            env.getOrDefault(
                "FACEMATCH_AUDIT_SIGNING_KEY_FILE",
                dataDir.resolve("keys").resolve("audit-signing.pem").toString()));
    SigningKey key = SigningKey.load(signing);
    trusted.put(key.id(), key.publicKey());
    return trusted;
  }
}
