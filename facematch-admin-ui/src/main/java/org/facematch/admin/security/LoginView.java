package org.facematch.admin.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.inject.Inject;
import org.facematch.admin.dashboard.DashboardView;

@Route(LoginView.ROUTE)
@PageTitle("Sign in | FaceMatch console")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

  public static final String ROUTE = "login";

  private final CurrentUser currentUser;
  final LoginForm login = new LoginForm();

  @Inject
  public LoginView(CurrentUser currentUser) {
    this.currentUser = currentUser;
    login.setForgotPasswordButtonVisible(false);
    login.addLoginListener(this::signIn);
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    add(new H1("FaceMatch console"), login);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (currentUser.name().isPresent()) {
      event.forwardTo(DashboardView.class);
    }
  }

  private void signIn(LoginEvent event) {
    if (currentUser.signIn(event.getUsername(), event.getPassword())) {
      // A full page load, so the whole UI is rebuilt for the signed-in user and the new session id.
      UI.getCurrent().getPage().setLocation(requestedLocation());
    } else {
      login.setError(true);
    }
  }

  /** Where the user wanted to go before being sent here; relative, so it stays in the console. */
  private static String requestedLocation() {
    WrappedSession session = VaadinSession.getCurrent().getSession();
    Object requested = session.getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
    session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
    session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
    return "./" + (requested == null ? "" : requested);
  }
}
