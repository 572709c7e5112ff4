package org.facematch.admin.dashboard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.facematch.admin.layout.MainLayout;
import org.facematch.admin.security.CurrentUser;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.collection.entity.FaceCounts;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.Roles;
import org.facematch.kernel.entity.TenantId;

/** Per tenant: faces, blacklisted faces and the last 24 hours of operations by outcome. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard | FaceMatch console")
@RolesAllowed({Roles.SUPPORT, Roles.TENANT_ADMIN})
public class DashboardView extends VerticalLayout {

  final TextField tenant = new TextField("Tenant id");
  final Div statistics = new Div();
  private final FaceCollections faces;
  private final AuditLog audit;
  private final Caller actor;

  @Inject
  public DashboardView(CurrentUser currentUser, FaceCollections faces, AuditLog audit) {
    this.faces = faces;
    this.audit = audit;
    this.actor = currentUser.caller();
    add(
        new H2("Welcome, " + actor.name() + "."),
        new Paragraph(
            "You are signed in as " + currentUser.role().orElse("") + ". " + scope(actor)));
    statistics.setId("statistics");
    statistics.setWidthFull();
    if (actor.isSupport()) {
      tenant.setId("dashboard-tenant");
      Button show = new Button("Show", click -> show(new TenantId(tenant.getValue().strip())));
      show.setId("dashboard-show");
      HorizontalLayout pick = new HorizontalLayout(tenant, show);
      pick.setAlignItems(Alignment.BASELINE);
      add(pick);
    }
    add(statistics);
    actor.ownTenant().ifPresent(this::show);
  }

  void show(TenantId tenantId) {
    FaceCounts counts = faces.counts(actor, tenantId);
    statistics.removeAll();
    Paragraph numbers =
        new Paragraph(counts.faces() + " faces, " + counts.blacklisted() + " blacklisted");
    numbers.setId("face-counts");
    statistics.add(
        new H3("Tenant " + tenantId),
        numbers,
        new H3("Operations in the last 24 hours"),
        new OperationsChart(
            audit.operationsSince(actor, tenantId, Instant.now().minus(Duration.ofHours(24)))));
  }

  private static String scope(Caller actor) {
    return actor.isSupport()
        ? "You can see every tenant, enable face matching and manage console users."
        : "You manage your tenant's settings, faces and reviews.";
  }
}
