package org.facematch.admin.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.facematch.admin.ConsoleUi;
import org.facematch.admin.layout.MainLayout;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.kernel.entity.Access;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.TenantId;
import org.facematch.review.boundary.Reviews;
import org.facematch.review.entity.ProbeImage;
import org.facematch.review.entity.ReviewDecision;
import org.facematch.review.entity.ReviewState;
import org.facematch.review.entity.ReviewSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewViewTest {

  final List<String> calls = new ArrayList<>();
  final Reviews reviews =
      new Reviews() {
        @Override
        public List<ReviewSummary> page(
            Caller actor, TenantId tenantId, boolean decided, int offset, int limit) {
          Access.OWN_TENANT.check(actor, tenantId);
          return offset > 0 || decided
              ? List.of()
              : List.of(
                  new ReviewSummary(
                      11L,
                      Instant.EPOCH,
                      "Declined",
                      "FACE_IN_BLACKLIST",
                      "f-1",
                      "s-1",
                      0.93,
                      ReviewState.OPEN,
                      null,
                      null));
        }

        @Override
        public int count(Caller actor, TenantId tenantId, boolean decided) {
          return decided ? 0 : 1;
        }

        @Override
        public ProbeImage probeImage(Caller actor, TenantId tenantId, long caseId) {
          return new ProbeImage(caseId, "f1", new byte[] {1});
        }

        @Override
        public ReviewDecision confirm(Caller actor, TenantId tenantId, long caseId, String note) {
          calls.add("decide " + tenantId + " " + caseId + " true " + note + " by " + actor.name());
          return new ReviewDecision(caseId, "f1", ReviewState.CONFIRMED, note);
        }

        @Override
        public ReviewDecision dismiss(Caller actor, TenantId tenantId, long caseId, String note) {
          calls.add("decide " + tenantId + " " + caseId + " false " + note + " by " + actor.name());
          return new ReviewDecision(caseId, "f1", ReviewState.DISMISSED, note);
        }
      };

  @BeforeEach
  void openQueue() {
    new ConsoleUi()
        .with(MainLayout.class, () -> new MainLayout(ConsoleUi.currentUser()))
        .with(
            ReviewView.class,
            () -> new ReviewView(reviews, new FaceCollections(), ConsoleUi.currentUser()))
        .start();
    ConsoleUi.signIn(ConsoleUi.DEMO_ADMIN);
    UI.getCurrent().navigate(ReviewView.class);
  }

  @AfterEach
  void stop() {
    ConsoleUi.stop();
  }

  @Test
  @SuppressWarnings("unchecked")
  void showsBothImagesSideBySideAndRecordsTheDecision() {
    Grid<ReviewSummary> grid = _get(Grid.class);
    grid.select(GridKt._get(grid, 0));

    assertThat(_find(Image.class))
        .extracting(Image::getAlt)
        .contains(Optional.of("Search image"), Optional.of("Matched face (session s-1)"));
    _setValue(_get(TextField.class, spec -> spec.withId("review-note")), "same person");
    _click(_get(Button.class, spec -> spec.withId("confirm-review")));

    assertThat(calls).containsExactly("decide demo 11 true same person by dana-admin");
  }
}
