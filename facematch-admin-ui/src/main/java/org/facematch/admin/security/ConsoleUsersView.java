package org.facematch.admin.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.facematch.admin.layout.MainLayout;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Roles;
import org.facematch.tenant.boundary.ConsoleAccounts;
import org.facematch.tenant.entity.ConsoleLogin;

/** Support staff list console users and create new ones (support or a tenant's admin). */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Console users | FaceMatch console")
@RolesAllowed(Roles.SUPPORT)
public class ConsoleUsersView extends VerticalLayout {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  final Grid<ConsoleLogin> grid = new Grid<>();
  final TextField username = new TextField("User name");
  final Select<String> role = new Select<>();
  final TextField tenant = new TextField("Tenant id (tenant admins)");
  final PasswordField password = new PasswordField("Initial password");
  final Button create = new Button("Create user");

  @Inject
  public ConsoleUsersView(ConsoleAccounts accounts, CurrentUser currentUser) {
    grid.addColumn(ConsoleLogin::username).setHeader("User").setAutoWidth(true);
    grid.addColumn(ConsoleLogin::role).setHeader("Role").setAutoWidth(true);
    grid.addColumn(u -> u.tenantId() == null ? "all tenants" : u.tenantId())
        .setHeader("Tenant")
        .setAutoWidth(true);
    grid.addColumn(
            u -> u.lockedUntil() == null ? "" : "waits until " + WHEN.format(u.lockedUntil()))
        .setHeader("Sign-in")
        .setAutoWidth(true);
    grid.addColumn(u -> u.createdBy() + ", " + WHEN.format(u.createdAt()))
        .setHeader("Created")
        .setAutoWidth(true);
    grid.setItems(
        query -> accounts.list(currentUser.caller(), query.getOffset(), query.getLimit()).stream(),
        query -> accounts.count(currentUser.caller()));

    username.setId("new-username");
    role.setId("new-role");
    role.setLabel("Role");
    role.setItems(Roles.TENANT_ADMIN, Roles.SUPPORT);
    role.setValue(Roles.TENANT_ADMIN);
    role.addValueChangeListener(
        change -> tenant.setEnabled(Roles.TENANT_ADMIN.equals(change.getValue())));
    tenant.setId("new-tenant");
    password.setId("new-password");
    password.setHelperText(
        "At least " + ConsoleAccounts.MIN_PASSWORD + " characters; hand it over out of band");
    create.setId("create-user");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickListener(
        click -> {
          try {
            accounts.create(
                currentUser.caller(),
                username.getValue().strip(),
                password.getValue(),
                role.getValue(),
                tenant.getValue().strip());
            Notification.show("User " + username.getValue().strip() + " created");
            username.clear();
            password.clear();
            grid.getDataProvider().refreshAll();
          } catch (FaceMatchException e) {
            Notification.show(e.detail(), 6000, Notification.Position.MIDDLE);
          }
        });

    setSizeFull();
    add(
        new H2("Console users"),
        grid,
        new H3("New user"),
        new FormLayout(username, role, tenant, password),
        create);
  }
}
