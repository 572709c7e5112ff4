package org.facematch.stack;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints MicroProfile JWTs (RS256) the way an identity provider would, including deliberately broken
 * ones for the security tests.
 */
public final class Tokens {

  public static final String ISSUER = "facematch-dev";
  public static final String AUDIENCE = "facematch";

  private final PrivateKey key;
  private String issuer = ISSUER;
  private String audience = AUDIENCE;
  private String subject = "demo-client";
  private String tenant;
  private String[] groups = {};
  private Instant expires = Instant.now().plus(Duration.ofHours(1));
  private String algorithm = "RS256";
  private Instant notBefore;
  private Instant issuedAt;

  private Tokens(PrivateKey key) {
    this.key = key;
  }

  public static Tokens signedWith(PrivateKey key) {
    return new Tokens(key);
  }

  public Tokens tenant(String tenant) {
    this.tenant = tenant;
    return this;
  }

  public Tokens groups(String... groups) {
    this.groups = groups;
    return this;
  }

  public Tokens subject(String subject) {
    this.subject = subject;
    return this;
  }

  public Tokens issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  public Tokens audience(String audience) {
    this.audience = audience;
    return this;
  }

  public Tokens expires(Instant expires) {
    this.expires = expires;
    return this;
  }

  public Tokens notBefore(Instant notBefore) {
    this.notBefore = notBefore;
    return this;
  }

  public Tokens issuedAt(Instant issuedAt) {
    this.issuedAt = issuedAt;
    return this;
  }

  /** {@code alg: none} with an empty signature: must always be refused. */
  public Tokens unsigned() {
    this.algorithm = "none";
    return this;
  }

  public String mint() {
    Instant issuedAt =
        this.issuedAt != null
            ? this.issuedAt
            : expires.isBefore(Instant.now()) ? expires.minus(Duration.ofHours(1)) : Instant.now();
    JsonArrayBuilder groupArray = Json.createArrayBuilder();
    for (String group : groups) {
      groupArray.add(group);
    }
    JsonObjectBuilder claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("aud", audience)
            .add("sub", subject)
            .add("upn", subject)
            .add("jti", UUID.randomUUID().toString())
            .add("iat", issuedAt.getEpochSecond())
            .add("exp", expires.getEpochSecond())
            .add("groups", groupArray);
    if (tenant != null) {
      claims.add("tenant_id", tenant);
    }
    if (notBefore != null) {
      claims.add("nbf", notBefore.getEpochSecond());
    }
    String header =
        Json.createObjectBuilder().add("alg", algorithm).add("typ", "JWT").build().toString();
    String signingInput = base64Url(header) + "." + base64Url(claims.build().toString());
    if (algorithm.equals("none")) {
      return signingInput + ".";
    }
    return signingInput + "." + sign(signingInput);
  }

  private String sign(String signingInput) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
