package org.facematch.admin.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Optional;
import java.util.stream.Stream;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.Roles;
import org.facematch.tenant.boundary.ConsoleAccounts;

/** The console user of the current session: who they are, signing in and signing out. */
@ApplicationScoped
public class CurrentUser {

  static final String SESSION_KEY = Caller.class.getName();

  @Inject IdentityStoreHandler identityStores;
  @Inject ConsoleAccounts accounts;

  public Optional<String> name() {
    return user().map(Caller::name);
  }

  /** The user's console role, empty when nobody is signed in. */
  public Optional<String> role() {
    return user().map(CurrentUser::roleOf);
  }

  /** The signed-in user as the domain's boundaries take it. */
  public Caller caller() {
    return user()
        .orElseThrow(
            () -> new IllegalStateException("Nobody is signed in to this console session"));
  }

  public Optional<Caller> user() {
    return Optional.ofNullable(VaadinRequest.getCurrent()).flatMap(CurrentUser::signedIn);
  }

  static Optional<Caller> signedIn(VaadinRequest request) {
    WrappedSession session = request.getWrappedSession(false);
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((Caller) session.getAttribute(SESSION_KEY));
  }

  static String roleOf(Caller caller) {
    return caller.isSupport() ? Roles.SUPPORT : Roles.TENANT_ADMIN;
  }

  /**
   * Checks the credentials against the console users' identity store (PBKDF2 hashes) and, when they
   * match, signs the user in for the rest of the HTTP session. Every attempt is audited; after
   * {@link ConsoleAccounts#MAX_FAILURES} wrong passwords in a row a login waits {@link
   * ConsoleAccounts#LOCK_MILLIS} ms, and the answer while it waits is the same "wrong credentials",
   * so guessing gains nothing.
   */
  public boolean signIn(String username, String password) {
    if (accounts.lockedUntil(username).isPresent()) {
      accounts.signInWhileLocked(username);
      return false;
    }
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(username, password));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      accounts.signInFailed(username);
      return false;
    }
    Optional<String> role =
        Stream.of(Roles.SUPPORT, Roles.TENANT_ADMIN)
            .filter(result.getCallerGroups()::contains)
            .findFirst();
    Optional<Caller> actor = accounts.caller(result.getCallerPrincipal().getName());
    if (role.isEmpty() || actor.isEmpty() || !actor.get().has(role.get())) {
      accounts.signInFailed(username);
      return false;
    }
    // Session fixation: an id handed out before sign-in must not stay valid after it.
    VaadinServletRequest.getCurrent().getHttpServletRequest().changeSessionId();
    VaadinSession.getCurrent().getSession().setAttribute(SESSION_KEY, actor.get());
    accounts.signedIn(actor.get().name());
    return true;
  }

  public void signOut() {
    VaadinSession.getCurrent().getSession().invalidate();
  }
}
