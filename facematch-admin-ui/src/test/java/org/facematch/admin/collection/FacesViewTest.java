package org.facematch.admin.collection;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.facematch.admin.ConsoleUi;
import org.facematch.admin.layout.BackgroundTasks;
import org.facematch.admin.layout.MainLayout;
import org.facematch.collection.boundary.Blacklist;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.collection.entity.BlacklistState;
import org.facematch.collection.entity.FaceImage;
import org.facematch.collection.entity.FaceRow;
import org.facematch.collection.entity.RemovedFace;
import org.facematch.kernel.entity.Access;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacesViewTest {

  final List<String> calls = new ArrayList<>();
  final FaceCollections catalog =
      new FaceCollections() {
        @Override
        public List<FaceRow> page(
            Caller actor, TenantId tenantId, String sessionFilter, int offset, int limit) {
          Access.OWN_TENANT.check(actor, tenantId);
          calls.add("page " + tenantId + " " + offset + " " + limit);
          return IntStream.range(offset, Math.min(5000, offset + limit))
              .mapToObj(i -> new FaceRow("f" + i, "s" + i, Instant.EPOCH, 0.9, false, null))
              .toList();
        }

        @Override
        public int count(Caller actor, TenantId tenantId, String sessionFilter) {
          return 5000;
        }

        @Override
        public FaceImage image(Caller actor, TenantId tenantId, String faceId) {
          calls.add("image " + faceId);
          return new FaceImage(faceId, new byte[] {1});
        }

        @Override
        public RemovedFace delete(Caller actor, String faceId) {
          Access.KYC_CREATE.check(actor, null);
          calls.add("delete " + actor.tenant() + " " + faceId);
          return new RemovedFace(faceId, "s");
        }

        @Override
        public List<String> faceIdsOfSession(Caller actor, TenantId tenantId, String sessionId) {
          return List.of(sessionId + "-a", sessionId + "-b", sessionId + "-c");
        }
      };

  final Blacklist blacklist =
      new Blacklist() {
        @Override
        public BlacklistState add(Caller actor, String faceId, String reason) {
          Access.KYC_CREATE.check(actor, null);
          calls.add("blacklist " + actor.tenant() + " " + faceId + " " + reason);
          return new BlacklistState(faceId, true, reason, Instant.EPOCH, actor.name());
        }
      };

  /** Runs background work at once, in the test's thread. */
  final BackgroundTasks inline =
      new BackgroundTasks() {
        @Override
        protected Executor executor() {
          return Runnable::run;
        }
      };

  @BeforeEach
  void openFacesAsTenantAdmin() {
    new ConsoleUi()
        .with(MainLayout.class, () -> new MainLayout(ConsoleUi.currentUser()))
        .with(
            FacesView.class,
            () -> new FacesView(catalog, blacklist, inline, ConsoleUi.currentUser()))
        .start();
    ConsoleUi.signIn(ConsoleUi.DEMO_ADMIN);
    UI.getCurrent().navigate(FacesView.class);
  }

  @AfterEach
  void stop() {
    ConsoleUi.stop();
  }

  @Test
  @SuppressWarnings("unchecked")
  void pagesLazilyWithinTheAdminsOwnTenantAndLoadsNoImageUpFront() {
    Grid<FaceRow> grid = _get(Grid.class);
    assertThat(GridKt._size(grid)).isEqualTo(5000);
    GridKt._fetch(grid, 4000, 50);
    assertThat(calls).contains("page demo 4000 50").noneMatch(call -> call.startsWith("image"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void blacklistingNeedsAReasonAndDeletingNeedsAConfirmation() {
    Grid<FaceRow> grid = _get(Grid.class);
    HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(grid, 0, "actions");
    _click(_get(actions, Button.class, spec -> spec.withText("Blacklist")));
    _click(_get(Button.class, spec -> spec.withId("confirm-blacklist")));
    assertThat(_get(TextArea.class, spec -> spec.withId("blacklist-reason")).isInvalid()).isTrue();
    _setValue(_get(TextArea.class, spec -> spec.withId("blacklist-reason")), "Forged passport");
    _click(_get(Button.class, spec -> spec.withId("confirm-blacklist")));
    assertThat(calls).contains("blacklist demo f0 Forged passport");

    actions = (HorizontalLayout) GridKt._getCellComponent(grid, 1, "actions");
    _click(_get(actions, Button.class, spec -> spec.withText("Delete")));
    assertThat(calls).noneMatch(call -> call.startsWith("delete"));
    ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
    assertThat(calls).contains("delete demo f1");
  }

  @Test
  void bulkDeletesASessionInTheBackgroundWithProgress() {
    Button deleteSession = _get(Button.class, spec -> spec.withId("delete-session"));
    assertThat(deleteSession.isEnabled()).isFalse();
    _setValue(
        _get(
            com.vaadin.flow.component.textfield.TextField.class,
            spec -> spec.withId("session-filter")),
        "kyc-1");
    _click(deleteSession);
    ConfirmDialog confirm = _get(ConfirmDialog.class);
    assertThat(ConfirmDialogKt.getHeader(confirm))
        .isEqualTo("Delete all 3 faces of session kyc-1?");
    ConfirmDialogKt._fireConfirm(confirm);
    com.github.mvysny.kaributesting.v10.MockVaadin.runUIQueue();

    assertThat(calls).contains("delete demo kyc-1-a", "delete demo kyc-1-b", "delete demo kyc-1-c");
    com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("Deleted 3 faces");
    assertThat(_get(FacesView.class).progress.isVisible()).isFalse();
  }
}
