package org.facematch.admin.audit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.facematch.admin.layout.BackgroundTasks;
import org.facematch.admin.layout.MainLayout;
import org.facematch.admin.security.CurrentUser;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.audit.entity.AuditEntry;
import org.facematch.audit.entity.AuditFilter;
import org.facematch.audit.entity.ChainVerdict;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Roles;
import org.facematch.kernel.entity.TenantId;

/**
 * The audit trail, newest first, filtered in the database and read page by page. Tenant admins see
 * their own tenant's events only (the boundary enforces it); support staff see all and may filter
 * by tenant. Dates are UTC days.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log | FaceMatch console")
@RolesAllowed({Roles.SUPPORT, Roles.TENANT_ADMIN})
public class AuditView extends VerticalLayout {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  final TextField tenant = filter("Tenant", "audit-tenant");
  final TextField operation = filter("Operation", "audit-operation");
  final TextField outcome = filter("Outcome", "audit-outcome");
  final TextField actorFilter = filter("Actor", "audit-actor");
  final DatePicker from = new DatePicker("From (UTC)");
  final DatePicker to = new DatePicker("To (UTC, inclusive)");
  final Grid<AuditEntry> grid = new Grid<>();
  final Button export = new Button("Export CSV");
  final Button verifyChain = new Button("Verify chain");
  final Span verdict = new Span();
  final ProgressBar progress = new ProgressBar();
  final HorizontalLayout download = new HorizontalLayout();
  private final AuditLog audit;
  private final BackgroundTasks background;
  private final Caller actor;

  @Inject
  public AuditView(AuditLog audit, BackgroundTasks background, CurrentUser currentUser) {
    this.audit = audit;
    this.background = background;
    this.actor = currentUser.caller();
    tenant.setVisible(actor.isSupport());
    from.setId("audit-from");
    to.setId("audit-to");
    from.addValueChangeListener(change -> refresh());
    to.addValueChangeListener(change -> refresh());
    export.setId("export-csv");
    export.addClickListener(click -> export());
    verifyChain.setId("verify-chain");
    verifyChain.setVisible(actor.isSupport());
    verifyChain.addClickListener(click -> verifyChain());
    verdict.setId("chain-verdict");
    progress.setVisible(false);

    grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("When (UTC)").setAutoWidth(true);
    grid.addColumn(AuditEntry::tenantId).setHeader("Tenant").setAutoWidth(true);
    grid.addColumn(AuditEntry::actor).setHeader("Actor").setAutoWidth(true);
    grid.addColumn(AuditEntry::operation).setHeader("Operation").setAutoWidth(true);
    grid.addColumn(AuditEntry::outcome).setHeader("Outcome").setAutoWidth(true);
    grid.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(1);
    grid.addColumn(AuditEntry::faceIds).setHeader("Faces").setAutoWidth(true);
    grid.setId("audit");
    grid.setItems(
        query -> audit.page(actor, currentFilter(), query.getOffset(), query.getLimit()).stream(),
        query -> audit.count(actor, currentFilter()));

    HorizontalLayout filters =
        new HorizontalLayout(
            tenant, operation, outcome, actorFilter, from, to, export, verifyChain);
    filters.setAlignItems(Alignment.BASELINE);
    filters.setWrap(true);
    setSizeFull();
    add(new H2("Audit log"), filters, verdict, progress, download, grid);
  }

  AuditFilter currentFilter() {
    LocalDate fromDay = from.getValue();
    LocalDate toDay = to.getValue();
    return new AuditFilter(
        tenant.getValue(),
        operation.getValue(),
        outcome.getValue(),
        actorFilter.getValue(),
        fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
        toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Builds the CSV off the UI thread, page by page, with progress; then offers it for download. */
  void export() {
    AuditFilter filter = currentFilter();
    int total = audit.count(actor, filter);
    export.setEnabled(false);
    download.removeAll();
    background.run(
        UI.getCurrent(),
        progress,
        step -> {
          StringBuilder csv = new StringBuilder(AuditCsv.HEADER);
          int[] written = {0};
          audit.export(
              actor,
              filter,
              page -> {
                AuditCsv.append(csv, page);
                written[0] += page.size();
                step.accept(total == 0 ? 1.0 : Math.min(1.0, written[0] / (double) total));
              });
          return csv.toString().getBytes(StandardCharsets.UTF_8);
        },
        bytes -> {
          export.setEnabled(true);
          StreamResource file =
              new StreamResource("audit-log.csv", () -> new ByteArrayInputStream(bytes));
          file.setContentType("text/csv");
          Anchor link = new Anchor(file, "Download audit-log.csv (" + bytes.length / 1024 + " KB)");
          link.setId("download-csv");
          link.getElement().setAttribute("download", true);
          download.add(link);
        });
  }

  /**
   * Support staff: checks the chain of the tenant in the tenant filter and names its first broken
   * link.
   */
  void verifyChain() {
    String id = tenant.getValue() == null ? "" : tenant.getValue().strip();
    if (id.isEmpty()) {
      tenant.setInvalid(true);
      tenant.setErrorMessage("Name the tenant whose chain to verify");
      return;
    }
    try {
      ChainVerdict result = audit.verify(actor, new TenantId(id));
      verdict.setText(result.summary());
      verdict.getElement().setAttribute("theme", result.intact() ? "badge success" : "badge error");
    } catch (FaceMatchException e) {
      verdict.setText(e.detail());
      verdict.getElement().setAttribute("theme", "badge error");
    }
  }

  private void refresh() {
    grid.getDataProvider().refreshAll();
  }

  private TextField filter(String label, String id) {
    TextField field = new TextField(label);
    field.setId(id);
    field.setClearButtonVisible(true);
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.addValueChangeListener(change -> refresh());
    return field;
  }
}
