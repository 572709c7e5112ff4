package org.facematch.admin.collection;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import org.facematch.collection.boundary.Blacklist;

/**
 * Asks why a face goes on the blacklist; the reason is shown to reviewers and in search reports.
 */
class BlacklistDialog extends Dialog {

  final TextArea reason = new TextArea("Reason");
  final Button confirm = new Button("Blacklist");

  BlacklistDialog(Consumer<String> onConfirm) {
    setHeaderTitle("Put this face on the blacklist");
    reason.setId("blacklist-reason");
    reason.setMaxLength(Blacklist.MAX_REASON);
    reason.setWidth("28em");
    confirm.setId("confirm-blacklist");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    confirm.addClickListener(
        click -> {
          if (reason.getValue().isBlank()) {
            reason.setInvalid(true);
            reason.setErrorMessage("A reason is required");
            return;
          }
          onConfirm.accept(reason.getValue());
          close();
        });
    add(reason);
    getFooter().add(new Button("Cancel", click -> close()), confirm);
  }
}
