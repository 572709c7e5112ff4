package org.facematch.admin.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.facematch.admin.ConsoleUi;
import org.facematch.admin.layout.BackgroundTasks;
import org.facematch.admin.layout.MainLayout;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.audit.entity.AuditEntry;
import org.facematch.audit.entity.AuditFilter;
import org.facematch.audit.entity.ChainVerdict;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditViewTest {

  static final int EVENTS = 100_000;
  final List<AuditFilter> filters = new ArrayList<>();
  final List<String> pages = new ArrayList<>();
  final List<String> verified = new ArrayList<>();
  final AuditLog audit =
      new AuditLog() {
        @Override
        public List<AuditEntry> page(Caller actor, AuditFilter filter, int offset, int limit) {
          filters.add(filter);
          pages.add(offset + " " + limit);
          return LongStream.range(offset, Math.min(EVENTS, offset + limit))
              .mapToObj(AuditViewTest::event)
              .toList();
        }

        @Override
        public int count(Caller actor, AuditFilter filter) {
          filters.add(filter);
          return EVENTS;
        }

        @Override
        public ChainVerdict verify(Caller actor, TenantId tenant) {
          verified.add(tenant.value());
          return new ChainVerdict(
              tenant.value(),
              41,
              3,
              0,
              Optional.of(
                  new ChainVerdict.BrokenLink(
                      7L, 7L, "event #7 (seq 7) was changed after it was written")),
              List.of());
        }

        @Override
        public void export(Caller actor, AuditFilter filter, Consumer<List<AuditEntry>> sink) {
          filters.add(filter);
          sink.accept(List.of(event(1), event(2)));
          sink.accept(List.of(event(3)));
        }
      };

  final BackgroundTasks inline =
      new BackgroundTasks() {
        @Override
        protected Executor executor() {
          return Runnable::run;
        }
      };

  void open(Caller user) {
    new ConsoleUi()
        .with(MainLayout.class, () -> new MainLayout(ConsoleUi.currentUser()))
        .with(AuditView.class, () -> new AuditView(audit, inline, ConsoleUi.currentUser()))
        .start();
    ConsoleUi.signIn(user);
    UI.getCurrent().navigate(AuditView.class);
  }

  @AfterEach
  void stop() {
    ConsoleUi.stop();
  }

  @Test
  @SuppressWarnings("unchecked")
  void filtersInTheDatabaseAndPagesLazilyThroughAHundredThousandEvents() {
    open(ConsoleUi.SUPPORT);
    _setValue(_get(TextField.class, spec -> spec.withId("audit-operation")), "VERIFY");
    _setValue(_get(TextField.class, spec -> spec.withId("audit-actor")), "client-1");
    _setValue(_get(DatePicker.class, spec -> spec.withId("audit-from")), LocalDate.of(2026, 11, 1));
    _setValue(_get(DatePicker.class, spec -> spec.withId("audit-to")), LocalDate.of(2026, 11, 21));
    Grid<AuditEntry> grid = _get(Grid.class);
    assertThat(GridKt._size(grid)).isEqualTo(EVENTS);
    GridKt._fetch(grid, 99_950, 50);

    assertThat(pages).contains("99950 50").allMatch(p -> Integer.parseInt(p.split(" ")[1]) <= 100);
    assertThat(filters.get(filters.size() - 1))
        .isEqualTo(
            new AuditFilter(
                "",
                "VERIFY",
                "",
                "client-1",
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-22T00:00:00Z")));
  }

  @Test
  void tenantAdminsHaveNoTenantFilter() {
    open(ConsoleUi.DEMO_ADMIN);
    assertThat(_get(AuditView.class).tenant.isVisible()).isFalse();
    assertThat(_get(AuditView.class).verifyChain.isVisible()).isFalse();
  }

  @Test
  void supportVerifiesATenantsChainAndSeesItsFirstBrokenLink() {
    open(ConsoleUi.SUPPORT);
    _click(_get(Button.class, spec -> spec.withId("verify-chain")));
    assertThat(_get(AuditView.class).tenant.isInvalid()).as("no tenant named").isTrue();
    assertThat(verified).isEmpty();

    _setValue(_get(TextField.class, spec -> spec.withId("audit-tenant")), "demo");
    _click(_get(Button.class, spec -> spec.withId("verify-chain")));

    assertThat(verified).containsExactly("demo");
    assertThat(_get(Span.class, spec -> spec.withId("chain-verdict")).getText())
        .isEqualTo(
            "The audit chain of tenant demo is broken: event #7 (seq 7) was changed after it was"
                + " written");
  }

  @Test
  void exportsTheFilteredRowsAsCsvWithADownloadLink() {
    open(ConsoleUi.SUPPORT);
    _setValue(_get(TextField.class, spec -> spec.withId("audit-outcome")), "OK");
    _click(_get(Button.class, spec -> spec.withId("export-csv")));

    Anchor link = _get(Anchor.class, spec -> spec.withId("download-csv"));
    assertThat(link.getText()).startsWith("Download audit-log.csv");
    assertThat(filters.get(filters.size() - 1).outcome()).isEqualTo("OK");
  }

  static AuditEntry event(long id) {
    return new AuditEntry(
        id, Instant.EPOCH, "demo", "client-1", "VERIFY", "OK", null, 0.9, 12, "r" + id, null);
  }
}
