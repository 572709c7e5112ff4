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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.entity.AuditRecord;
import org.facematch.audit.entity.Operation;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.Roles;
import org.facematch.tenant.entity.ConsoleAccount;
import org.facematch.tenant.entity.ConsoleLogin;
import org.facematch.tenant.entity.Tenant;

/**
 * Console logins: who a signed-in user acts as, sign-in throttling, and support staff creating
 * users. Passwords are hashed by Jakarta Security's {@code Pbkdf2PasswordHash} with the parameters
 * the console's identity store declares; nothing here does its own crypto.
 */
@Stateless
public class ConsoleAccounts {

  /** Failed sign-ins in a row before an account waits. */
  public static final int MAX_FAILURES = 5;

  public static final long LOCK_MILLIS = 5 * 60 * 1000;
  public static final int MIN_PASSWORD = 12;
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

  /**
   * PBKDF2-HMAC-SHA256 at OWASP's 600,000 iterations, as the console's identity store declares it.
   */
  public static final int HASH_ITERATIONS = 600_000;

  /**
   * The hash parameters, as Jakarta Security's {@code hashAlgorithmParameters} take them; the
   * console's identity store declares these constants, so users are created and verified alike.
   */
  public static final String ALGORITHM_PARAMETER =
      "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256";

  public static final String ITERATIONS_PARAMETER =
      "Pbkdf2PasswordHash.Iterations=" + HASH_ITERATIONS;
  public static final String SALT_PARAMETER = "Pbkdf2PasswordHash.SaltSizeBytes=32";
  public static final String KEY_PARAMETER = "Pbkdf2PasswordHash.KeySizeBytes=32";

  static final Map<String, String> HASH_PARAMETERS =
      Stream.of(ALGORITHM_PARAMETER, ITERATIONS_PARAMETER, SALT_PARAMETER, KEY_PARAMETER)
          .map(p -> p.split("=", 2))
          .collect(Collectors.toUnmodifiableMap(p -> p[0], p -> p[1]));

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Instance<Pbkdf2PasswordHash> hashes;

  /** The caller an enabled console login acts as, empty for unknown or disabled ones. */
  public Optional<Caller> caller(String username) {
    return find(username).filter(ConsoleAccount::isEnabled).map(ConsoleAccount::caller);
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
    signIn(username, "INVALID_CREDENTIALS");
  }

  /** Audits a sign-in refused because the login is waiting; the wait is not extended. */
  public void signInWhileLocked(String username) {
    signIn(username, "LOCKED");
  }

  public void signedIn(String username) {
    find(username).ifPresent(ConsoleAccount::succeeded);
    signIn(username, AuditRecord.OK);
  }

  @Audited(Operation.LIST_CONSOLE_USERS)
  public List<ConsoleLogin> list(Caller caller, int offset, int limit) {
    return em.createNamedQuery(ConsoleAccount.ALL, ConsoleLogin.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Audited(Operation.LIST_CONSOLE_USERS)
  public int count(Caller caller) {
    return em.createNamedQuery(ConsoleAccount.COUNT, Long.class).getSingleResult().intValue();
  }

  /** Support staff create console users; a tenant admin belongs to an existing tenant. */
  @Audited(Operation.CONSOLE_USER_CREATE)
  public ConsoleLogin create(
      Caller caller, String username, String password, String role, String tenantId) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "The user name must be 3-100 letters, digits or . _ @ -");
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "The password needs at least " + MIN_PASSWORD + " characters");
    }
    if (!Roles.SUPPORT.equals(role) && !Roles.TENANT_ADMIN.equals(role)) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "The role must be support or tenant-admin");
    }
    String tenant = Roles.TENANT_ADMIN.equals(role) ? tenantId : null;
    if (Roles.TENANT_ADMIN.equals(role)
        && (tenant == null || em.find(Tenant.class, tenant) == null)) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "A tenant admin needs an existing tenant");
    }
    if (em.find(ConsoleAccount.class, username) != null) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "User " + username + " exists already");
    }
    Pbkdf2PasswordHash hash = hashes.get();
    hash.initialize(HASH_PARAMETERS);
    ConsoleAccount account =
        new ConsoleAccount(
            username, hash.generate(password.toCharArray()), role, tenant, caller.name());
    em.persist(account);
    return new ConsoleLogin(username, role, tenant, true, null, Instant.now(), caller.name());
  }

  private Optional<ConsoleAccount> find(String username) {
    return Optional.ofNullable(username)
        .filter(u -> USERNAME.matcher(u).matches())
        .map(u -> em.find(ConsoleAccount.class, u));
  }

  /**
   * Sign-ins are written here: their outcomes are answers to the user, not failures of an
   * operation.
   */
  private void signIn(String username, String outcome) {
    audit.write(
        new AuditRecord(
            null,
            null,
            safe(username),
            Operation.CONSOLE_SIGN_IN.code(),
            outcome,
            List.of(),
            null,
            null,
            null));
  }

  private static String safe(String username) {
    return username == null || !USERNAME.matcher(username).matches()
        ? "(invalid user name)"
        : username;
  }
}
