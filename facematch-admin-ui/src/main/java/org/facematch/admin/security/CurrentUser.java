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
import org.facematch.tenant.entity.Roles;

/** The console user of the current session: who they are, signing in and signing out. */
@ApplicationScoped
public class CurrentUser {

  static final String SESSION_KEY = ConsoleUser.class.getName();

  @Inject IdentityStoreHandler identityStores;

  public Optional<String> name() {
    return user().map(ConsoleUser::name);
  }

  /** The user's console role, empty when nobody is signed in. */
  public Optional<String> role() {
    return user().map(ConsoleUser::role);
  }

  public Optional<ConsoleUser> user() {
    return Optional.ofNullable(VaadinRequest.getCurrent()).flatMap(CurrentUser::signedIn);
  }

  static Optional<ConsoleUser> signedIn(VaadinRequest request) {
    WrappedSession session = request.getWrappedSession(false);
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((ConsoleUser) session.getAttribute(SESSION_KEY));
  }

  /**
   * Checks the credentials against the console users' identity store (PBKDF2 hashes) and, when
   * they match, signs the user in for the rest of the HTTP session.
   */
  public boolean signIn(String username, String password) {
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(username, password));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return false;
    }
    Optional<String> role =
        Stream.of(Roles.SUPPORT, Roles.TENANT_ADMIN).filter(result.getCallerGroups()::contains).findFirst();
    if (role.isEmpty()) {
      return false;
    }
    // Session fixation: an id handed out before sign-in must not stay valid after it.
    VaadinServletRequest.getCurrent().getHttpServletRequest().changeSessionId();
    VaadinSession.getCurrent()
        .getSession()
        .setAttribute(SESSION_KEY, new ConsoleUser(result.getCallerPrincipal().getName(), role.get()));
    return true;
  }

  public void signOut() {
    VaadinSession.getCurrent().getSession().invalidate();
  }
}
