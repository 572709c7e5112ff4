package org.facematch.admin.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.TenantId;
import org.facematch.tenant.boundary.Tenants;
import org.facematch.tenant.entity.TenantOverview;

/** Creates a tenant: its id (the {@code tenant_id} claim its tokens will carry) and a name. */
class TenantDialog extends Dialog {

  final TextField id = new TextField("Tenant id (tenant_id claim)");
  final TextField name = new TextField("Name");
  final Button save = new Button("Create");

  TenantDialog(Tenants tenants, Caller actor, Consumer<TenantOverview> created) {
    setHeaderTitle("New tenant");
    id.setId("tenant-id");
    id.setRequired(true);
    id.setPattern(TenantId.PATTERN);
    id.setHelperText("1-64 letters, digits, '.', '_' or '-'");
    name.setId("tenant-name");
    name.setRequired(true);
    name.setMaxLength(200);
    save.setId("create-tenant");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        click -> {
          try {
            TenantOverview tenant = tenants.create(actor, id.getValue(), name.getValue());
            close();
            created.accept(tenant);
          } catch (FaceMatchException e) {
            id.setInvalid(true);
            id.setErrorMessage(e.detail());
          }
        });
    add(new FormLayout(id, name));
    getFooter().add(new Button("Cancel", click -> close()), save);
  }
}
