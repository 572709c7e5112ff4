package org.facematch.admin.security;

import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.facematch.admin.layout.ProblemNotifications;
import org.facematch.schema.boundary.SchemaMigrations;
import org.facematch.tenant.boundary.ConsoleAccounts;

@DatabaseIdentityStoreDefinition(
    dataSourceLookup = SchemaMigrations.DATASOURCE,
    callerQuery = "SELECT password_hash FROM console_users WHERE username = ? AND enabled = TRUE",
    groupsQuery = "SELECT role FROM console_users WHERE username = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class,
    hashAlgorithmParameters = {
      ConsoleAccounts.ALGORITHM_PARAMETER,
      ConsoleAccounts.ITERATIONS_PARAMETER,
      ConsoleAccounts.SALT_PARAMETER,
      ConsoleAccounts.KEY_PARAMETER
    })
@ApplicationScoped
public class ConsoleSecurity {

  void installNavigationAccessControl(@Observes ServiceInitEvent event) {
    ConsoleAccessControl accessControl = new ConsoleAccessControl();
    accessControl.setLoginView(LoginView.class);
    event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(accessControl));
    event
        .getSource()
        .addSessionInitListener(
            init -> init.getSession().setErrorHandler(new ProblemNotifications()));
  }
}
