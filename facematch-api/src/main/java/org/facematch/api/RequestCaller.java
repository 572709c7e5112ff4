package org.facematch.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;
import org.facematch.tenant.boundary.Tenants;

/**
 * The one place that turns the request's token into its {@link Caller}: subject, the tenant of the
 * {@code tenant_id} claim, the token's groups, and the tenant's settings, read once for the
 * request. The token is handed in from the request's security context by the first filter, not
 * injected: Payara's injectable token looks the caller up again, probing for other vendors' classes
 * on every request.
 */
@RequestScoped
public class RequestCaller {

  public static final String TENANT_CLAIM = "tenant_id";

  /** How far the issuer's clock may run ahead of ours. */
  static final long CLOCK_SKEW_SECONDS = 60;

  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  @Inject Tenants tenants;
  private JsonWebToken jwt;
  private String claimed;
  private Caller caller;

  /**
   * The request's authenticated token; read once, as each claim lookup by name costs an exception
   * in Payara.
   */
  public void authenticated(JsonWebToken token) {
    if (token == jwt) {
      return;
    }
    jwt = token;
    caller = null;
    Object claim = token.getRawToken() == null ? null : token.getClaim(TENANT_CLAIM);
    claimed = claim == null ? null : claim.toString().replace("\"", "");
  }

  /** The tenant the token names, unchecked (for the audit of refused calls). */
  public Optional<String> claimedTenant() {
    return Optional.ofNullable(claimed);
  }

  /** Who is calling, for the audit of refused calls: the token's subject (or upn). */
  public Optional<String> subject() {
    return Optional.ofNullable(jwt).map(RequestCaller::nameOf);
  }

  public Caller get() {
    if (caller == null) {
      caller = resolve();
    }
    return caller;
  }

  private Caller resolve() {
    if (jwt == null) {
      throw new FaceMatchException(Problem.UNAUTHENTICATED, "A valid bearer token is required");
    }
    requireValidNow(jwt.getRawToken(), Instant.now().getEpochSecond());
    if (claimed == null || claimed.isBlank()) {
      throw new FaceMatchException(
          Problem.UNAUTHENTICATED, "The token carries no " + TENANT_CLAIM + " claim");
    }
    TenantId tenant;
    try {
      tenant = new TenantId(claimed);
    } catch (FaceMatchException e) {
      throw new FaceMatchException(
          Problem.UNAUTHENTICATED,
          "The token's " + TENANT_CLAIM + " claim is not a valid tenant id");
    }
    String subject = nameOf(jwt);
    if (subject == null || subject.isBlank()) {
      throw new FaceMatchException(Problem.UNAUTHENTICATED, "The token names no subject");
    }
    Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    return Caller.api(subject, tenant, groups, tenants.settingsOf(tenant));
  }

  /**
   * RFC 7519: a token must not be accepted before its {@code nbf}, and one issued in the future is
   * not to be trusted either. The container checks {@code exp} and the signature, not these; they
   * are read from the verified token's payload, as reading a claim by name costs an exception
   * inside Payara.
   */
  static void requireValidNow(String rawToken, long now) {
    String[] parts = rawToken == null ? new String[0] : rawToken.split("\\.");
    JsonObject claims;
    try (JsonReader reader =
        JSON.createReader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(parts[1])))) {
      claims = reader.readObject();
    } catch (RuntimeException e) {
      throw new FaceMatchException(Problem.UNAUTHENTICATED, "The token cannot be read");
    }
    if (claims.get("nbf") instanceof JsonNumber nbf && nbf.longValue() > now + CLOCK_SKEW_SECONDS) {
      throw new FaceMatchException(Problem.UNAUTHENTICATED, "The token is not valid yet (nbf)");
    }
    if (claims.get("iat") instanceof JsonNumber iat && iat.longValue() > now + CLOCK_SKEW_SECONDS) {
      throw new FaceMatchException(
          Problem.UNAUTHENTICATED, "The token was issued in the future (iat)");
    }
  }

  private static String nameOf(JsonWebToken token) {
    return token.getName() != null ? token.getName() : token.getSubject();
  }
}
