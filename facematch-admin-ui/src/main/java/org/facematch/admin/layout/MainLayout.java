package org.facematch.admin.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.facematch.admin.audit.AuditView;
import org.facematch.admin.collection.FacesView;
import org.facematch.admin.dashboard.DashboardView;
import org.facematch.admin.review.ReviewView;
import org.facematch.admin.security.ConsoleUsersView;
import org.facematch.admin.security.CurrentUser;
import org.facematch.admin.security.LoginView;
import org.facematch.admin.tenant.SettingsView;
import org.facematch.admin.tenant.TenantsView;
import org.facematch.kernel.entity.Roles;

@PermitAll
public class MainLayout extends AppLayout {

  final Span user = new Span();
  final Button logout = new Button("Log out");

  @Inject
  public MainLayout(CurrentUser currentUser) {
    H1 appName = new H1("FaceMatch console");
    appName.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    user.setText(currentUser.name().orElse(""));
    user.setId("current-user");
    logout.setId("logout");
    logout.addClickListener(
        click -> {
          UI.getCurrent().getPage().setLocation(LoginView.ROUTE);
          currentUser.signOut();
        });

    HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), appName, user, logout);
    navbar.setWidthFull();
    navbar.setPadding(true);
    navbar.setDefaultVerticalComponentAlignment(Alignment.CENTER);
    navbar.expand(appName);
    addToNavbar(navbar);
    SideNav nav = new SideNav();
    nav.addItem(new SideNavItem("Dashboard", DashboardView.class));
    String role = currentUser.role().orElse("");
    if (role.equals(Roles.SUPPORT)) {
      nav.addItem(new SideNavItem("Tenants", TenantsView.class));
      nav.addItem(new SideNavItem("Console users", ConsoleUsersView.class));
    }
    if (role.equals(Roles.TENANT_ADMIN)) {
      nav.addItem(new SideNavItem("Settings", SettingsView.class));
      nav.addItem(new SideNavItem("Faces", FacesView.class));
      nav.addItem(new SideNavItem("Review queue", ReviewView.class));
    }
    nav.addItem(new SideNavItem("Audit log", AuditView.class));
    addToDrawer(nav);
  }
}
