package org.facematch.audit.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The RSA key that signs the audit chains' digests (PKCS#8 PEM, as {@code openssl genpkey
 * -algorithm RSA} writes it), and the checks of its signatures with the public key alone, which is
 * all a verifier needs.
 */
public final class SigningKey {

  static final String ALGORITHM = "SHA256withRSA";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public static SigningKey load(Path pem) {
    try {
      byte[] der = der(Files.readString(pem, StandardCharsets.US_ASCII), "PRIVATE KEY");
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
      if (!(key instanceof RSAPrivateCrtKey crt)) {
        throw new IllegalArgumentException(pem + " holds no RSA private key with its public part");
      }
      return new SigningKey(
          key, rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot read the audit signing key " + pem + ": " + e, e);
    }
  }

  /** A public key in PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509). */
  public static PublicKey publicKey(String pem) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an RSA public key: " + e, e);
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(publicKey.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  public String id() {
    return idOf(publicKey);
  }

  public static String idOf(PublicKey key) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String sign(String text) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(privateKey);
      signature.update(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Signing failed: " + e, e);
    }
  }

  public static boolean verifies(PublicKey key, String text, String signatureBase64) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(key);
      signature.update(text.getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] der(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("no " + label + " block in the PEM text");
    }
    return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
  }
}
