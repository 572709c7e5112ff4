package org.facematch.storage.control;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that encrypt face templates at rest, and the encryption itself: AES-256-GCM with a fresh
 * 96-bit nonce per template, the face's tenant and id as associated data (a template copied onto
 * another row does not decrypt), and the key's id stored beside each row so that keys can be
 * replaced. The keyring is a properties file only its owner may read: {@code current=<id>} and one
 * {@code <id>=<base64 of 32 random bytes>} per key still in use.
 */
public final class TemplateKeyring {

  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final byte FORMAT = 1;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String current;
  private final Map<String, SecretKey> keys;

  private TemplateKeyring(String current, Map<String, SecretKey> keys) {
    if (!keys.containsKey(current)) {
      throw new IllegalArgumentException(
          "the keyring names current=" + current + " but holds no such key");
    }
    this.current = current;
    this.keys = Map.copyOf(keys);
  }

  /** A sealed template and the id of the key that sealed it. */
  public record Sealed(String keyId, byte[] bytes) {}

  public static TemplateKeyring load(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.OTHERS_READ)
          || permissions.contains(PosixFilePermission.GROUP_READ)) {
        throw new IllegalArgumentException(
            "The template keyring "
                + file
                + " may be read by others: make it owner-only (chmod 600)");
      }
      Properties properties = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
        properties.load(in);
      }
      return parse(properties);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the template keyring " + file + ": " + e, e);
    }
  }

  static TemplateKeyring parse(Properties properties) {
    String current = properties.getProperty("current", "").strip();
    Map<String, SecretKey> keys = new TreeMap<>();
    for (String id : properties.stringPropertyNames()) {
      if (id.equals("current")) {
        continue;
      }
      if (!KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "key ids are 1-32 letters, digits, '.', '_' or '-': " + id);
      }
      byte[] key = Base64.getDecoder().decode(properties.getProperty(id).strip());
      if (key.length != 32) {
        throw new IllegalArgumentException("key " + id + " is not 32 bytes (AES-256)");
      }
      keys.put(id, new SecretKeySpec(key, "AES"));
    }
    return new TemplateKeyring(current, keys);
  }

  /** A new keyring text with one fresh key, for setting up an installation. */
  public static String generate(String keyId) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "current=" + keyId + "\n" + keyId + "=" + Base64.getEncoder().encodeToString(key) + "\n";
  }

  public String currentKeyId() {
    return current;
  }

  public boolean holds(String keyId) {
    return keys.containsKey(keyId);
  }

  public Sealed seal(String tenantId, String faceId, byte[] template) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
      aes.updateAAD(associated(tenantId, faceId));
      byte[] sealed = aes.doFinal(template);
      return new Sealed(
          current,
          ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
              .put(FORMAT)
              .put(nonce)
              .put(sealed)
              .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not encrypt a template: " + e, e);
    }
  }

  /**
   * @throws IllegalArgumentException when the key is not in the keyring, or the bytes were changed
   *     or belong to another face
   */
  public byte[] open(String tenantId, String faceId, String keyId, byte[] sealed) {
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalArgumentException(
          "The template of face "
              + faceId
              + " is sealed with key "
              + keyId
              + ", not in the keyring");
    }
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
      throw new IllegalArgumentException("The template of face " + faceId + " is not sealed");
    }
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      aes.updateAAD(associated(tenantId, faceId));
      return aes.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "The template of face " + faceId + " does not decrypt: changed, or another face's", e);
    }
  }

  private static byte[] associated(String tenantId, String faceId) {
    return (tenantId + "/" + faceId).getBytes(StandardCharsets.UTF_8);
  }
}
