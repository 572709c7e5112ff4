package org.facematch.admin.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.Binder;
import java.util.function.Consumer;
import org.facematch.engine.entity.EngineChoice;
import org.facematch.kernel.entity.TenantSettings;
import org.facematch.tenant.entity.ThresholdGuide;

/**
 * A tenant's tunable settings. Validates what the domain would refuse anyway, so the admin sees it
 * at the field; every threshold explains in plain words what it means in false matches.
 */
public class SettingsForm extends FormLayout {

  /** The form's editable copy of the settings. */
  public static final class Values {
    Double verificationThreshold;
    Double searchThreshold;
    Integer maxFacesPerUser;
    boolean enableBlacklist;
    String modelVersion;

    static Values of(TenantSettings s) {
      Values v = new Values();
      v.verificationThreshold = s.verificationThreshold();
      v.searchThreshold = s.searchThreshold();
      v.maxFacesPerUser = s.maxFacesPerUser();
      v.enableBlacklist = s.enableBlacklist();
      v.modelVersion = s.modelVersion();
      return v;
    }

    TenantSettings toSettings(boolean enabled) {
      return new TenantSettings(
          enabled,
          verificationThreshold,
          searchThreshold,
          maxFacesPerUser,
          enableBlacklist,
          modelVersion);
    }
  }

  final NumberField verificationThreshold =
      threshold("Verification threshold", "verification_threshold");
  final NumberField searchThreshold = threshold("Search threshold", "search_threshold");
  final IntegerField maxFacesPerUser = new IntegerField("Most faces per session");
  final Checkbox enableBlacklist = new Checkbox("Blacklist enabled");
  final Select<String> modelVersion = new Select<>();
  final Button save = new Button("Save");
  final Binder<Values> binder = new Binder<>();
  private TenantSettings loaded;

  public SettingsForm(Consumer<TenantSettings> onSave) {
    maxFacesPerUser.setId("max_faces_per_user");
    // No setMin/setMax: the fields' own range check would replace the binder's message with none.
    maxFacesPerUser.setStepButtonsVisible(true);
    enableBlacklist.setId("enable_blacklist");
    modelVersion.setId("model_version");
    modelVersion.setLabel("Face engine (model_version)");
    modelVersion.setItems(EngineChoice.offered());
    modelVersion.setItemLabelGenerator(EngineChoice::label);
    modelVersion.addValueChangeListener(change -> explain());
    verificationThreshold.addValueChangeListener(change -> explain());
    searchThreshold.addValueChangeListener(change -> explain());
    save.setId("save-settings");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

    binder
        .forField(verificationThreshold)
        .asRequired("Required")
        .withValidator(v -> v >= 0 && v <= 1, "Must be between 0 and 1")
        .bind(v -> v.verificationThreshold, (v, x) -> v.verificationThreshold = x);
    binder
        .forField(searchThreshold)
        .asRequired("Required")
        .withValidator(v -> v >= 0 && v <= 1, "Must be between 0 and 1")
        .bind(v -> v.searchThreshold, (v, x) -> v.searchThreshold = x);
    binder
        .forField(maxFacesPerUser)
        .asRequired("Required")
        .withValidator(
            v -> v >= 1 && v <= TenantSettings.MAX_FACES_PER_USER_LIMIT,
            "Must be between 1 and " + TenantSettings.MAX_FACES_PER_USER_LIMIT)
        .bind(v -> v.maxFacesPerUser, (v, x) -> v.maxFacesPerUser = x);
    binder.forField(enableBlacklist).bind(v -> v.enableBlacklist, (v, x) -> v.enableBlacklist = x);
    binder
        .forField(modelVersion)
        .asRequired("Required")
        .bind(v -> v.modelVersion, (v, x) -> v.modelVersion = x);

    save.addClickListener(
        click -> {
          Values values = new Values();
          if (loaded != null && binder.writeBeanIfValid(values)) {
            onSave.accept(values.toSettings(loaded.enabled()));
          }
        });
    add(
        verificationThreshold,
        searchThreshold,
        maxFacesPerUser,
        modelVersion,
        enableBlacklist,
        save);
  }

  public void show(TenantSettings settings) {
    loaded = settings;
    binder.readBean(Values.of(settings));
    explain();
  }

  public boolean isValid() {
    return binder.validate().isOk();
  }

  private void explain() {
    String model =
        modelVersion.getValue() == null ? EngineChoice.LOCAL.id() : modelVersion.getValue();
    hint(verificationThreshold, "A verify is a match at or above this similarity. ", model);
    hint(searchThreshold, "A search lists faces at or above this similarity. ", model);
  }

  private static void hint(NumberField field, String what, String model) {
    Double value = field.getValue();
    field.setHelperText(
        what
            + (value == null || value < 0 || value > 1
                ? ""
                : new ThresholdGuide(model).hint(value)));
  }

  private static NumberField threshold(String label, String id) {
    NumberField field = new NumberField(label + " (" + id + ")");
    field.setId(id);
    field.setStep(0.01);
    field.setStepButtonsVisible(true);
    return field;
  }
}
