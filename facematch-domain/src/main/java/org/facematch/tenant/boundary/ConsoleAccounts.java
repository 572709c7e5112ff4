package org.facematch.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.problem.entity.FaceMatchException;
import org.facematch.problem.entity.Problem;
import org.facematch.tenant.entity.ConsoleAccount;
import org.facematch.tenant.entity.ConsoleActor;
import org.facematch.tenant.entity.ConsoleLogin;
import org.facematch.tenant.entity.Roles;
import org.facematch.tenant.entity.Tenant;

/**
 * Console logins: who a signed-in user acts as, sign-in throttling, and support staff creating
 * users. Passwords are hashed by Jakarta Security's {@code Pbkdf2PasswordHash} with the parameters
 * the console's identity store declares; nothing here does its own crypto.
 */
@Stateless
public class ConsoleAccounts {

  public static final String SIGN_IN = "CONSOLE_SIGN_IN";
  public static final String USER_CREATED = "CONSOLE_USER_CREATE";
  /** Failed sign-ins in a row before an account waits. */
  public static final int MAX_FAILURES = 5;
  public static final long LOCK_MILLIS = 5 * 60 * 1000;
  public static final int MIN_PASSWORD = 12;
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
  static final Map<String, String> HASH_PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
          "Pbkdf2PasswordHash.Iterations", "600000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "32");

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Instance<Pbkdf2PasswordHash> hashes;

  /** The actor of an enabled console login, empty for unknown or disabled ones. */
  public Optional<ConsoleActor> actor(String username) {
    return find(username).filter(ConsoleAccount::isEnabled).map(ConsoleAccount::actor);
  }

  /** Until when a login must wait after too many failed sign-ins, if it must. */
  public Optional<Instant> lockedUntil(String username) {
    Instant now = Instant.now();
    return find(username).filter(a -> a.isLocked(now)).map(ConsoleAccount::lockedUntil);
  }

  /** Audits a wrong password and counts it against the login, which waits after too many. */
  public void signInFailed(String username) {
    Optional.ofNullable(username)
        .filter(u -> USERNAME.matcher(u).matches())
        .map(u -> em.find(ConsoleAccount.class, u, LockModeType.PESSIMISTIC_WRITE))
        .ifPresent(account -> account.failed(MAX_FAILURES, LOCK_MILLIS, Instant.now()));
    audit.record(null, safe(username), SIGN_IN, "INVALID_CREDENTIALS", List.of(), null);
  }

  /** Audits a sign-in refused because the login is waiting; the wait is not extended. */
  public void signInWhileLocked(String username) {
    audit.record(null, safe(username), SIGN_IN, "LOCKED", List.of(), null);
  }

  public void signedIn(String username) {
    find(username).ifPresent(ConsoleAccount::succeeded);
    audit.record(null, safe(username), SIGN_IN, "OK", List.of(), null);
  }

  public List<ConsoleLogin> list(ConsoleActor actor, int offset, int limit) {
    actor.requireSupport();
    return em.createNamedQuery(ConsoleAccount.ALL, ConsoleLogin.class).setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public int count(ConsoleActor actor) {
    actor.requireSupport();
    return em.createNamedQuery(ConsoleAccount.COUNT, Long.class).getSingleResult().intValue();
  }

  /** Support staff create console users; a tenant admin belongs to an existing tenant. */
  public ConsoleLogin create(ConsoleActor actor, String username, String password, String role, String tenantId) {
    actor.requireSupport();
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "The user name must be 3-100 letters, digits or . _ @ -");
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "The password needs at least " + MIN_PASSWORD + " characters");
    }
    if (!Roles.SUPPORT.equals(role) && !Roles.TENANT_ADMIN.equals(role)) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "The role must be support or tenant-admin");
    }
    String tenant = Roles.TENANT_ADMIN.equals(role) ? tenantId : null;
    if (Roles.TENANT_ADMIN.equals(role) && (tenant == null || em.find(Tenant.class, tenant) == null)) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "A tenant admin needs an existing tenant");
    }
    if (em.find(ConsoleAccount.class, username) != null) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, "User " + username + " exists already");
    }
    Pbkdf2PasswordHash hash = hashes.get();
    hash.initialize(HASH_PARAMETERS);
    ConsoleAccount account = new ConsoleAccount(username, hash.generate(password.toCharArray()), role, tenant, actor.name());
    em.persist(account);
    audit.record(tenant, actor.name(), USER_CREATED, "OK", List.of(), "user: " + username + ", role: " + role);
    return new ConsoleLogin(username, role, tenant, true, null, Instant.now(), actor.name());
  }

  private Optional<ConsoleAccount> find(String username) {
    return Optional.ofNullable(username).filter(u -> USERNAME.matcher(u).matches()).map(u -> em.find(ConsoleAccount.class, u));
  }

  private static String safe(String username) {
    return username == null || !USERNAME.matcher(username).matches() ? "(invalid user name)" : username;
  }
}
