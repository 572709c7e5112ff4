package org.facematch.admin.dashboard;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.facematch.admin.layout.MainLayout;
import org.facematch.admin.security.CurrentUser;
import org.facematch.tenant.entity.Roles;

@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard | FaceMatch console")
@RolesAllowed({Roles.SUPPORT, Roles.TENANT_ADMIN})
public class DashboardView extends VerticalLayout {

  @Inject
  public DashboardView(CurrentUser currentUser) {
    String role = currentUser.role().orElse("");
    add(
        new H2("Welcome, " + currentUser.name().orElse("") + "."),
        new Paragraph("You are signed in as " + role + ". " + scope(role)));
  }

  private static String scope(String role) {
    return switch (role) {
      case Roles.SUPPORT ->
          "You can see every tenant, enable face matching and manage console users.";
      case Roles.TENANT_ADMIN -> "You manage your tenant's settings, faces and reviews.";
      default -> "";
    };
  }
}
