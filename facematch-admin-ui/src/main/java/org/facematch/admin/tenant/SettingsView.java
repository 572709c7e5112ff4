package org.facematch.admin.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.facematch.admin.layout.MainLayout;
import org.facematch.admin.security.CurrentUser;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.Roles;
import org.facematch.kernel.entity.TenantId;
import org.facematch.kernel.entity.TenantSettings;
import org.facematch.retention.boundary.Retention;
import org.facematch.retention.entity.RetentionPolicy;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.VersionedSettings;

/** A tenant admin tunes their own tenant; the tenant comes from the session, never the URL. */
@Route(value = "settings", layout = MainLayout.class)
@PageTitle("Settings | FaceMatch console")
@RolesAllowed(Roles.TENANT_ADMIN)
public class SettingsView extends VerticalLayout {

  final SettingsForm form = new SettingsForm(this::save);
  final Paragraph status = new Paragraph();
  final Button reload = new Button("Reload", click -> load());
  final Paragraph retentionNote = new Paragraph();
  private final Tenants tenants;
  private final Retention retention;
  private final Caller actor;
  private final TenantId tenantId;
  private long version;

  @Inject
  public SettingsView(Tenants tenants, Retention retention, CurrentUser currentUser) {
    this.tenants = tenants;
    this.retention = retention;
    this.actor = currentUser.caller();
    this.tenantId = actor.ownTenant().orElseThrow();
    reload.setId("reload-settings");
    reload.setVisible(false);
    retentionNote.setId("retention");
    add(
        new H2("Settings of tenant " + tenantId),
        status,
        form,
        reload,
        new H3("Retention"),
        retentionNote);
    load();
  }

  void load() {
    VersionedSettings current = tenants.settings(actor, tenantId);
    version = current.version();
    form.show(current.settings());
    status.setText(
        current.name()
            + ": face matching is "
            + (current.settings().enabled() ? "enabled" : "disabled (ask support to enable it)")
            + ".");
    reload.setVisible(false);
    RetentionPolicy kept = retention.policyOf(actor, tenantId);
    retentionNote.setText(
        "Faces are deleted with every trace "
            + kept.faceDays()
            + " days after their registration, review cases with their search images "
            + kept.reviewDays()
            + " days after the decision, audit events after "
            + kept.auditDays()
            + " days. Support staff set these periods.");
  }

  private void save(TenantSettings wanted) {
    try {
      VersionedSettings saved = tenants.update(actor, tenantId, wanted, version);
      version = saved.version();
      form.show(saved.settings());
      Notification.show("Settings saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (FaceMatchException e) {
      if (e.problem() != Problem.CONCURRENT_CHANGE) {
        throw e;
      }
      Notification.show(e.detail(), 8000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
      reload.setVisible(true);
    }
  }
}
