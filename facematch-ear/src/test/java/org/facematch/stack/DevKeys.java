package org.facematch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.facematch.storage.control.TemplateKeyring;

/**
 * The RSA key pair that signs development tokens. Generated on first use and kept in the data
 * folder, so tokens stay valid across restarts; never part of the repository.
 */
public final class DevKeys {

  private final Path publicPem;
  private final RSAPrivateKey privateKey;
  private final RSAPublicKey publicKey;

  private DevKeys(Path publicPem, RSAPrivateKey privateKey, RSAPublicKey publicKey) {
    this.publicPem = publicPem;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /**
   * The RSA key that signs the audit chains' digests, created on first use: an owner-only PKCS#8
   * file in the data folder, never in the repository.
   */
  public static Path auditSigningKey(Path dir) {
    Path pem = dir.resolve("audit-signing.pem");
    try {
      Files.createDirectories(dir);
      if (!Files.exists(pem)) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        OwnerOnlyFiles.write(
            pem, pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));
      } else {
        OwnerOnlyFiles.restrict(pem);
      }
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create the audit signing key", e);
    }
  }

  /**
   * The keyring that seals face templates at rest, created on first use with one random AES-256
   * key: an owner-only file in the data folder, never in the repository.
   */
  public static Path templateKeyring(Path dir) {
    Path file = dir.resolve("template-keys.properties");
    try {
      Files.createDirectories(dir);
      if (!Files.exists(file)) {
        OwnerOnlyFiles.write(
            file,
            TemplateKeyring.generate("key-1").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      } else {
        OwnerOnlyFiles.restrict(file);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DevKeys loadOrCreate(Path dir) {
    Path privatePem = dir.resolve("jwt-private.pem");
    Path publicPem = dir.resolve("jwt-public.pem");
    try {
      Files.createDirectories(dir);
      if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.deleteIfExists(privatePem);
        Files.deleteIfExists(publicPem);
        OwnerOnlyFiles.write(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.write(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      } else {
        OwnerOnlyFiles.restrict(privatePem);
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      var priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(read(privatePem)));
      var pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(read(publicPem)));
      return new DevKeys(publicPem, priv, pub);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create the development key pair", e);
    }
  }

  /** A fresh key pair that the server does not trust, for forged-signature tests. */
  public static RSAPrivateKey untrustedKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path publicPem() {
    return publicPem;
  }

  public RSAPrivateKey privateKey() {
    return privateKey;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  private static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static byte[] read(Path file) throws IOException {
    String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(pem);
  }
}
