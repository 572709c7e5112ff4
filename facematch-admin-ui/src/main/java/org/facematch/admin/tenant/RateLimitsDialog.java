package org.facematch.admin.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.TenantId;
import org.facematch.ratelimit.boundary.RateLimits;
import org.facematch.ratelimit.entity.RateQuotas;

/** Support staff: a tenant's API quotas, in requests per minute, shared by every node. */
class RateLimitsDialog extends Dialog {

  final IntegerField verify = field("Verify per minute", "rate-verify");
  final IntegerField search = field("Search per minute", "rate-search");
  final IntegerField register = field("Register per minute", "rate-register");
  final IntegerField other = field("Everything else per minute", "rate-other");
  final Button save = new Button("Save");

  RateLimitsDialog(RateLimits rateLimits, Caller actor, TenantId tenant, String tenantName) {
    setHeaderTitle("API rate limits of " + tenantName);
    RateQuotas quotas = rateLimits.quotasOf(actor, tenant);
    verify.setValue(quotas.verifyPerMinute());
    search.setValue(quotas.searchPerMinute());
    register.setValue(quotas.registerPerMinute());
    other.setValue(quotas.otherPerMinute());
    other.setHelperText("Collection status, blacklist, delete, upload URLs");
    save.setId("save-rate-limits");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        click -> {
          try {
            rateLimits.update(
                actor,
                tenant,
                new RateQuotas(value(verify), value(search), value(register), value(other)));
            close();
            Notification.show("Rate limits of " + tenantName + " saved");
          } catch (FaceMatchException e) {
            other.setInvalid(true);
            other.setErrorMessage(e.detail());
          }
        });
    add(new FormLayout(verify, search, register, other));
    getFooter().add(new Button("Cancel", click -> close()), save);
  }

  private static IntegerField field(String label, String id) {
    IntegerField field = new IntegerField(label);
    field.setId(id);
    field.setMin(1);
    field.setMax(RateQuotas.MAX_PER_MINUTE);
    field.setStepButtonsVisible(true);
    field.setRequired(true);
    return field;
  }

  private static int value(IntegerField field) {
    return field.getValue() == null ? 0 : field.getValue();
  }
}
