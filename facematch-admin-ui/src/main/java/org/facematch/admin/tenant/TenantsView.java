package org.facematch.admin.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.facematch.admin.layout.MainLayout;
import org.facematch.admin.security.CurrentUser;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.engine.entity.EngineChoice;
import org.facematch.kernel.entity.Roles;
import org.facematch.kernel.entity.TenantId;
import org.facematch.ratelimit.boundary.RateLimits;
import org.facematch.retention.boundary.Retention;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.TenantOverview;

/** Support staff: every tenant, page by page, with face matching switched on or off here. */
@Route(value = "tenants", layout = MainLayout.class)
@PageTitle("Tenants | FaceMatch console")
@RolesAllowed(Roles.SUPPORT)
public class TenantsView extends VerticalLayout implements BeforeEnterObserver {

  final TextField search = new TextField();
  final Grid<TenantOverview> grid = new Grid<>();
  final Button create = new Button("New tenant");
  private final Tenants tenants;
  private final FaceCollections faces;
  private final RateLimits rateLimits;
  private final Retention retention;
  private final CurrentUser currentUser;

  @Inject
  public TenantsView(
      Tenants tenants,
      FaceCollections faces,
      RateLimits rateLimits,
      Retention retention,
      CurrentUser currentUser) {
    this.tenants = tenants;
    this.faces = faces;
    this.rateLimits = rateLimits;
    this.retention = retention;
    this.currentUser = currentUser;
    search.setPlaceholder("Search by name or id");
    search.setId("tenant-search");
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
    create.setId("new-tenant");
    create.addClickListener(
        click -> new TenantDialog(tenants, currentUser.caller(), this::created).open());

    grid.addColumn(TenantOverview::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(TenantOverview::id).setHeader("Id").setAutoWidth(true);
    grid.addComponentColumn(t -> status(t)).setHeader("Face matching");
    grid.addComponentColumn(this::toggle).setHeader("").setKey("toggle").setAutoWidth(true);
    grid.addComponentColumn(this::rateLimitsButton)
        .setHeader("")
        .setKey("rate-limits")
        .setAutoWidth(true);
    grid.addComponentColumn(this::retentionButton)
        .setHeader("")
        .setKey("retention")
        .setAutoWidth(true);
    grid.addColumn(TenantOverview::faceCount).setHeader("Faces");
    grid.addColumn(t -> EngineChoice.label(t.modelVersion()))
        .setHeader("Engine")
        .setAutoWidth(true);
    grid.addColumn(
            t -> String.format("%.2f / %.2f", t.verificationThreshold(), t.searchThreshold()))
        .setHeader("Thresholds (verify / search)")
        .setAutoWidth(true);

    grid.setItems(
        query ->
            withFaceCounts(
                tenants.list(
                    currentUser.caller(), search.getValue(), query.getOffset(), query.getLimit()))
                .stream(),
        query -> tenants.count(currentUser.caller(), search.getValue()));

    setSizeFull();
    add(new H2("Tenants"), new HorizontalLayout(search, create), grid);
  }

  /** {@code tenants?search=acme} opens the list filtered, so a filtered list can be linked. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    event
        .getLocation()
        .getQueryParameters()
        .getSingleParameter("search")
        .ifPresent(search::setValue);
  }

  private static Span status(TenantOverview tenant) {
    Span badge = new Span(tenant.enabled() ? "Enabled" : "Disabled");
    badge.getElement().getThemeList().add(tenant.enabled() ? "badge success" : "badge contrast");
    return badge;
  }

  private Button toggle(TenantOverview tenant) {
    Button button =
        new Button(tenant.enabled() ? "Disable" : "Enable", click -> confirmToggle(tenant));
    button.setId((tenant.enabled() ? "disable-" : "enable-") + tenant.id());
    button.addThemeVariants(
        ButtonVariant.LUMO_SMALL,
        tenant.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
    return button;
  }

  private Button rateLimitsButton(TenantOverview tenant) {
    Button button =
        new Button(
            "Rate limits",
            click ->
                new RateLimitsDialog(
                        rateLimits, currentUser.caller(), new TenantId(tenant.id()), tenant.name())
                    .open());
    button.setId("rate-limits-" + tenant.id());
    button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return button;
  }

  private Button retentionButton(TenantOverview tenant) {
    Button button =
        new Button(
            "Retention",
            click ->
                new RetentionDialog(
                        retention, currentUser.caller(), new TenantId(tenant.id()), tenant.name())
                    .open());
    button.setId("retention-" + tenant.id());
    button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return button;
  }

  void confirmToggle(TenantOverview tenant) {
    boolean on = !tenant.enabled();
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setHeader((on ? "Enable" : "Disable") + " face matching for " + tenant.name() + "?");
    confirm.setText(
        on
            ? "Its API clients can verify, register and search from now on."
            : "Its API clients get 403 FEATURE_NOT_ENABLED from now on. Registered faces are kept.");
    confirm.setCancelable(true);
    confirm.setConfirmText(on ? "Yes, enable" : "Yes, disable");
    confirm.addConfirmListener(
        event -> {
          if (on) {
            tenants.enable(currentUser.caller(), new TenantId(tenant.id()));
          } else {
            tenants.disable(currentUser.caller(), new TenantId(tenant.id()));
          }
          Notification.show(tenant.name() + (on ? " enabled" : " disabled"));
          grid.getDataProvider().refreshAll();
        });
    confirm.open();
  }

  private List<TenantOverview> withFaceCounts(List<TenantOverview> page) {
    Map<String, Long> counts =
        faces.countsPerTenant(currentUser.caller(), page.stream().map(TenantOverview::id).toList());
    return page.stream().map(t -> t.withFaceCount(counts.getOrDefault(t.id(), 0L))).toList();
  }

  private void created(TenantOverview tenant) {
    Notification.show("Tenant " + tenant.name() + " created, face matching disabled");
    search.setValue(tenant.id());
    grid.getDataProvider().refreshAll();
  }
}
