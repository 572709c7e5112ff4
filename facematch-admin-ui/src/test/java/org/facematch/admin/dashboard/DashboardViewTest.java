package org.facematch.admin.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.facematch.admin.ConsoleUi;
import org.facematch.admin.layout.MainLayout;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.audit.entity.OperationCount;
import org.facematch.collection.boundary.FaceCollections;
import org.facematch.collection.entity.FaceCounts;
import org.facematch.kernel.entity.Access;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

  final List<String> asked = new ArrayList<>();
  final FaceCollections faces =
      new FaceCollections() {
        @Override
        public FaceCounts counts(Caller actor, TenantId tenantId) {
          Access.SUPPORT_OR_OWN_TENANT.check(actor, tenantId);
          asked.add("counts " + tenantId);
          return new FaceCounts(42, 3);
        }
      };
  final AuditLog audit =
      new AuditLog() {
        @Override
        public List<OperationCount> operationsSince(
            Caller actor, TenantId tenantId, Instant since) {
          Access.SUPPORT_OR_OWN_TENANT.check(actor, tenantId);
          return List.of(
              new OperationCount("SEARCH", "OK", 30),
              new OperationCount("SEARCH", "NO_FACE_DETECTED", 10),
              new OperationCount("VERIFY", "OK", 5));
        }
      };

  void open(Caller user) {
    new ConsoleUi()
        .with(MainLayout.class, () -> new MainLayout(ConsoleUi.currentUser()))
        .with(DashboardView.class, () -> new DashboardView(ConsoleUi.currentUser(), faces, audit))
        .start();
    ConsoleUi.signIn(user);
    UI.getCurrent().navigate(DashboardView.class);
  }

  @AfterEach
  void stop() {
    ConsoleUi.stop();
  }

  @Test
  void tenantAdminSeesOwnNumbersAndAChartBarPerOperation() {
    open(ConsoleUi.DEMO_ADMIN);
    assertThat(_get(Paragraph.class, spec -> spec.withId("face-counts")).getText())
        .isEqualTo("42 faces, 3 blacklisted");
    assertThat(_find(Div.class, spec -> spec.withClasses("chart-row")))
        .extracting(row -> row.getElement().getTextRecursively())
        .containsExactly("SEARCH 30 ok, 10 failed", "VERIFY 5 ok");
    assertThat(asked).containsExactly("counts demo");
  }

  @Test
  void supportPicksATenant() {
    open(ConsoleUi.SUPPORT);
    assertThat(asked).isEmpty();
    _setValue(_get(TextField.class, spec -> spec.withId("dashboard-tenant")), "acme");
    _click(_get(Button.class, spec -> spec.withId("dashboard-show")));
    assertThat(asked).containsExactly("counts acme");
  }
}
