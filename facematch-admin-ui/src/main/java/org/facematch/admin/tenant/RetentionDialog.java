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
import org.facematch.retention.boundary.Retention;
import org.facematch.retention.entity.RetentionPolicy;

/** Support staff: how long a tenant's faces, review cases and audit events are kept, in days. */
class RetentionDialog extends Dialog {

  final IntegerField faces = field("Faces, days after registration", "retention-faces");
  final IntegerField reviews = field("Review cases, days after the decision", "retention-reviews");
  final IntegerField audit = field("Audit events, days", "retention-audit");
  final Button save = new Button("Save");

  RetentionDialog(Retention retention, Caller actor, TenantId tenant, String tenantName) {
    setHeaderTitle("Retention of " + tenantName);
    RetentionPolicy policy = retention.policyOf(actor, tenant);
    faces.setValue(policy.faceDays());
    faces.setHelperText(
        "BIPA: at most three years (1095 days). Blacklisted faces too; their images and templates"
            + " go with them");
    reviews.setValue(policy.reviewDays());
    reviews.setHelperText("With the kept search images; undecided cases as long as faces");
    audit.setValue(policy.auditDays());
    save.setId("save-retention");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        click -> {
          try {
            retention.update(
                actor, tenant, new RetentionPolicy(value(faces), value(reviews), value(audit)));
            close();
            Notification.show("Retention of " + tenantName + " saved");
          } catch (FaceMatchException e) {
            audit.setInvalid(true);
            audit.setErrorMessage(e.detail());
          }
        });
    add(new FormLayout(faces, reviews, audit));
    getFooter().add(new Button("Cancel", click -> close()), save);
  }

  private static IntegerField field(String label, String id) {
    IntegerField field = new IntegerField(label);
    field.setId(id);
    field.setMin(1);
    field.setMax(RetentionPolicy.MAX_DAYS);
    field.setStepButtonsVisible(true);
    field.setRequired(true);
    return field;
  }

  private static int value(IntegerField field) {
    return field.getValue() == null ? 0 : field.getValue();
  }
}
