package org.facematch.admin.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.facematch.admin.layout.MainLayout;
import org.facematch.admin.security.CurrentUser;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.Roles;
import org.facematch.kernel.entity.TenantId;
import org.facematch.review.boundary.Reviews;
import org.facematch.review.entity.ReviewState;
import org.facematch.review.entity.ReviewSummary;

/**
 * Searches that hit a blacklisted face or another session's face, for a human decision: the search
 * image and the matched face side by side, then confirm or dismiss (audited).
 */
@Route(value = "reviews", layout = MainLayout.class)
@PageTitle("Review queue | FaceMatch console")
@RolesAllowed(Roles.TENANT_ADMIN)
public class ReviewView extends VerticalLayout {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  final Checkbox decided = new Checkbox("Show decided cases");
  final Grid<ReviewSummary> grid = new Grid<>();
  final Div detail = new Div();
  private final Reviews reviews;
  private final FaceCollections faces;
  private final Caller actor;
  private final TenantId tenantId;

  @Inject
  public ReviewView(Reviews reviews, FaceCollections faces, CurrentUser currentUser) {
    this.reviews = reviews;
    this.faces = faces;
    this.actor = currentUser.caller();
    this.tenantId = actor.ownTenant().orElseThrow();
    decided.setId("show-decided");
    decided.addValueChangeListener(
        change -> {
          detail.removeAll();
          grid.getDataProvider().refreshAll();
        });
    grid.setId("reviews");
    grid.addColumn(r -> WHEN.format(r.createdAt())).setHeader("Searched").setAutoWidth(true);
    grid.addColumn(ReviewSummary::searchStatus).setHeader("Search status").setAutoWidth(true);
    grid.addColumn(ReviewSummary::risk).setHeader("Risk").setAutoWidth(true);
    grid.addColumn(r -> r.matchedSessionId() == null ? r.matchedFaceId() : r.matchedSessionId())
        .setHeader("Matched session")
        .setAutoWidth(true);
    grid.addColumn(r -> String.format("%.3f", r.similarity())).setHeader("Similarity");
    grid.addColumn(r -> r.decidedBy() == null ? "" : r.state() + " by " + r.decidedBy())
        .setHeader("Decision")
        .setAutoWidth(true);
    grid.setItems(
        query ->
            reviews
                .page(actor, tenantId, decided.getValue(), query.getOffset(), query.getLimit())
                .stream(),
        query -> reviews.count(actor, tenantId, decided.getValue()));
    grid.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));
    grid.setHeight("40%");
    setSizeFull();
    add(new H2("Review queue"), decided, grid, detail);
  }

  void show(ReviewSummary review) {
    detail.removeAll();
    if (review == null) {
      return;
    }
    HorizontalLayout images =
        new HorizontalLayout(
            picture(
                "Search image",
                "probe-" + review.id(),
                () -> reviews.probeImage(actor, tenantId, review.id()).bytes()),
            picture(
                "Matched face (session " + review.matchedSessionId() + ")",
                "face-" + review.matchedFaceId(),
                () -> faces.image(actor, tenantId, review.matchedFaceId()).bytes()));
    detail.add(
        images,
        new Paragraph(
            review.risk() + " at similarity " + String.format("%.3f", review.similarity())));
    if (review.state() == ReviewState.OPEN) {
      TextField note = new TextField("Note (optional)");
      note.setId("review-note");
      note.setMaxLength(Reviews.MAX_NOTE);
      Button confirm =
          new Button("Confirm: same person", click -> decide(review, true, note.getValue()));
      confirm.setId("confirm-review");
      confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
      Button dismiss =
          new Button(
              "Dismiss: not the same person", click -> decide(review, false, note.getValue()));
      dismiss.setId("dismiss-review");
      HorizontalLayout actions = new HorizontalLayout(note, confirm, dismiss);
      actions.setAlignItems(Alignment.BASELINE);
      detail.add(actions);
    }
  }

  void decide(ReviewSummary review, boolean confirm, String note) {
    if (confirm) {
      reviews.confirm(actor, tenantId, review.id(), note);
    } else {
      reviews.dismiss(actor, tenantId, review.id(), note);
    }
    Notification.show(confirm ? "Confirmed" : "Dismissed");
    detail.removeAll();
    grid.getDataProvider().refreshAll();
  }

  private static VerticalLayout picture(String caption, String id, Supplier<byte[]> bytes) {
    StreamResource source =
        new StreamResource(id + ".jpg", () -> new ByteArrayInputStream(bytes.get()));
    source.setCacheTime(0);
    Image image = new Image(source, caption);
    image.setId(id);
    image.addClassName("review-image");
    image.setHeight("240px");
    VerticalLayout box = new VerticalLayout(new H4(caption), image);
    box.setPadding(false);
    return box;
  }
}
