package org.facematch.admin.collection;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.notification.Notification;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.facematch.admin.layout.BackgroundTasks;
import org.facematch.admin.layout.MainLayout;
import org.facematch.admin.security.CurrentUser;
import org.facematch.collection.boundary.Blacklist;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.collection.entity.FaceRow;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.Roles;
import org.facematch.kernel.entity.TenantId;

/**
 * A tenant admin's faces. The tenant is the admin's own, from the session: nothing in the URL
 * selects it. Support staff cannot open this view (faces are biometric data of the tenant's
 * customers; support sees counts in the tenant list instead).
 */
@Route(value = "faces", layout = MainLayout.class)
@PageTitle("Faces | FaceMatch console")
@RolesAllowed(Roles.TENANT_ADMIN)
public class FacesView extends VerticalLayout {

  static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  final TextField session = new TextField();
  final Grid<FaceRow> grid = new Grid<>();
  final Button deleteSession = new Button("Delete this session's faces");
  final ProgressBar progress = new ProgressBar();
  private final FaceCollections catalog;
  private final Blacklist blacklist;
  private final BackgroundTasks background;
  private final Caller actor;
  private final TenantId tenantId;

  @Inject
  public FacesView(
      FaceCollections catalog,
      Blacklist blacklist,
      BackgroundTasks background,
      CurrentUser currentUser) {
    this.catalog = catalog;
    this.blacklist = blacklist;
    this.background = background;
    this.actor = currentUser.caller();
    this.tenantId = actor.ownTenant().orElseThrow();
    session.setId("session-filter");
    session.setPlaceholder("Session id starts with");
    session.setClearButtonVisible(true);
    session.setValueChangeMode(ValueChangeMode.LAZY);
    session.addValueChangeListener(
        change -> {
          deleteSession.setEnabled(!session.getValue().isBlank());
          grid.getDataProvider().refreshAll();
        });
    deleteSession.setId("delete-session");
    deleteSession.setEnabled(false);
    deleteSession.addThemeVariants(ButtonVariant.LUMO_ERROR);
    deleteSession.addClickListener(click -> confirmDeleteSession());
    progress.setVisible(false);

    grid.addComponentColumn(this::thumbnail).setHeader("Face").setWidth("80px").setFlexGrow(0);
    grid.addColumn(FaceRow::sessionId).setHeader("Session").setAutoWidth(true);
    grid.addColumn(f -> CREATED.format(f.createdAt())).setHeader("Registered").setAutoWidth(true);
    grid.addColumn(f -> f.quality() == null ? "" : String.format("%.2f", f.quality()))
        .setHeader("Quality");
    grid.addColumn(f -> f.blacklisted() ? "Blacklisted: " + f.blacklistReason() : "")
        .setHeader("Blacklist")
        .setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true);
    grid.setItems(
        query ->
            catalog
                .page(actor, tenantId, session.getValue(), query.getOffset(), query.getLimit())
                .stream(),
        query -> catalog.count(actor, tenantId, session.getValue()));
    grid.setId("faces");

    setSizeFull();
    add(
        new H2("Faces of tenant " + tenantId),
        new HorizontalLayout(session, deleteSession),
        progress,
        grid);
  }

  private Image thumbnail(FaceRow face) {
    // Fetched from the object store only when the browser shows the row.
    StreamResource source =
        new StreamResource(
            face.faceId() + ".jpg",
            () -> new ByteArrayInputStream(catalog.image(actor, tenantId, face.faceId()).bytes()));
    source.setCacheTime(0);
    Image image = new Image(source, "Face of session " + face.sessionId());
    image.setHeight("56px");
    image.addClassName("face-thumbnail");
    return image;
  }

  private HorizontalLayout actions(FaceRow face) {
    Button blacklist =
        face.blacklisted()
            ? new Button("Remove from blacklist", click -> unblacklist(face))
            : new Button(
                "Blacklist",
                click -> new BlacklistDialog(reason -> blacklist(face, reason)).open());
    blacklist.setId((face.blacklisted() ? "unblacklist-" : "blacklist-") + face.faceId());
    Button delete = new Button("Delete", click -> confirmDelete(face));
    delete.setId("delete-" + face.faceId());
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    for (Button b : new Button[] {blacklist, delete}) {
      b.addThemeVariants(ButtonVariant.LUMO_SMALL);
    }
    return new HorizontalLayout(blacklist, delete);
  }

  void blacklist(FaceRow face, String reason) {
    blacklist.add(actor, face.faceId(), reason);
    Notification.show("Face blacklisted");
    grid.getDataProvider().refreshAll();
  }

  void unblacklist(FaceRow face) {
    blacklist.remove(actor, face.faceId());
    Notification.show("Face removed from the blacklist");
    grid.getDataProvider().refreshAll();
  }

  void confirmDelete(FaceRow face) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setHeader("Delete this face of session " + face.sessionId() + "?");
    confirm.setText("The image, the record and its search entry are removed for good.");
    confirm.setCancelable(true);
    confirm.setConfirmText("Delete");
    confirm.setConfirmButtonTheme("error primary");
    confirm.addConfirmListener(
        event -> {
          catalog.delete(actor, face.faceId());
          Notification.show("Face deleted");
          grid.getDataProvider().refreshAll();
        });
    confirm.open();
  }

  void confirmDeleteSession() {
    String sessionId = session.getValue().strip();
    var ids = catalog.faceIdsOfSession(actor, tenantId, sessionId);
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setHeader("Delete all " + ids.size() + " faces of session " + sessionId + "?");
    confirm.setText("Images, records and search entries are removed for good, one face at a time.");
    confirm.setCancelable(true);
    confirm.setConfirmText("Delete " + ids.size() + " faces");
    confirm.setConfirmButtonTheme("error primary");
    confirm.addConfirmListener(
        event -> {
          deleteSession.setEnabled(false);
          background.each(
              UI.getCurrent(),
              ids,
              progress,
              id -> catalog.delete(actor, id),
              failed -> {
                Notification.show(
                    failed == 0
                        ? "Deleted " + ids.size() + " faces"
                        : failed + " faces could not be deleted; try again");
                deleteSession.setEnabled(true);
                grid.getDataProvider().refreshAll();
              });
        });
    confirm.open();
  }
}
