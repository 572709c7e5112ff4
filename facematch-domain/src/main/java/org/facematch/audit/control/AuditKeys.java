package org.facematch.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit trail's keys, from configuration: the private key that signs the chains' digests
 * ({@code FACEMATCH_AUDIT_SIGNING_KEY_FILE}, the same file on every node), and public keys still
 * trusted after a key was replaced ({@code FACEMATCH_AUDIT_TRUSTED_KEYS_FILE}, PEM blocks one after
 * the other). Without a signing key, digests are written unsigned and say so when verified.
 */
@ApplicationScoped
public class AuditKeys {

  private static final System.Logger LOGGER = System.getLogger(AuditKeys.class.getName());
  private static final Pattern PUBLIC_KEY =
      Pattern.compile("-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----", Pattern.DOTALL);

  @Inject
  @ConfigProperty(name = "facematch.audit.signing-key-file")
  Optional<String> signingKeyFile;

  @Inject
  @ConfigProperty(name = "facematch.audit.trusted-keys-file")
  Optional<String> trustedKeysFile;

  private volatile Optional<SigningKey> signing;

  public Optional<SigningKey> signing() {
    Optional<SigningKey> key = signing;
    if (key == null) {
      key = signingKeyFile.filter(f -> !f.isBlank()).map(f -> SigningKey.load(Path.of(f)));
      if (key.isEmpty()) {
        LOGGER.log(
            Level.WARNING,
            "No audit signing key (FACEMATCH_AUDIT_SIGNING_KEY_FILE): the audit chains' digests are"
                + " written unsigned, which no verification accepts as an anchor");
      }
      signing = key;
    }
    return key;
  }

  /** The own key's public part and every configured trusted key, by key id. */
  public Map<String, PublicKey> trusted() {
    Map<String, PublicKey> keys = new HashMap<>();
    signing().ifPresent(k -> keys.put(k.id(), k.publicKey()));
    trustedKeysFile
        .filter(f -> !f.isBlank())
        .ifPresent(f -> keys.putAll(publicKeys(readPem(Path.of(f)))));
    return keys;
  }

  /** Every PEM public key block in {@code pem}, by key id. */
  public static Map<String, PublicKey> publicKeys(String pem) {
    Map<String, PublicKey> keys = new HashMap<>();
    Matcher blocks = PUBLIC_KEY.matcher(pem);
    while (blocks.find()) {
      PublicKey key = SigningKey.publicKey(blocks.group());
      keys.put(SigningKey.idOf(key), key);
    }
    return keys;
  }

  private static String readPem(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the trusted audit keys " + file + ": " + e, e);
    }
  }
}
