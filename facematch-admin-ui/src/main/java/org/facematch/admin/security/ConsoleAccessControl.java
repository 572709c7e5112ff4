package org.facematch.admin.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import java.security.Principal;
import java.util.function.Predicate;

/**
 * Vaadin's view access control, fed with the console user of the HTTP session instead of the
 * container principal: the EAR's API module already owns the container's authentication mechanism
 * (MP-JWT), and Payara resolves only one per application.
 */
class ConsoleAccessControl extends NavigationAccessControl {

  @Override
  protected Principal getPrincipal(VaadinRequest request) {
    return CurrentUser.signedIn(request).map(user -> (Principal) user::name).orElse(null);
  }

  @Override
  protected Predicate<String> getRolesChecker(VaadinRequest request) {
    return role -> CurrentUser.signedIn(request).map(user -> user.has(role)).orElse(false);
  }
}
