package org.facematch.admin.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facematch.audit.entity.AuditRecord;
import org.facematch.audit.entity.OperationCount;

/**
 * A horizontal bar per operation, split into succeeded (green) and failed (red), drawn with plain
 * elements and Lumo colours: no chart component, commercial or otherwise.
 */
class OperationsChart extends Div {

  OperationsChart(List<OperationCount> counts) {
    setId("operations-chart");
    Map<String, long[]> byOperation = new LinkedHashMap<>();
    for (OperationCount c : counts) {
      long[] okAndFailed = byOperation.computeIfAbsent(c.operation(), k -> new long[2]);
      okAndFailed[AuditRecord.OK.equals(c.outcome()) ? 0 : 1] += c.count();
    }
    long max = byOperation.values().stream().mapToLong(v -> v[0] + v[1]).max().orElse(1);
    if (byOperation.isEmpty()) {
      add(new Span("No operations in the last 24 hours."));
    }
    byOperation.forEach((operation, v) -> add(row(operation, v[0], v[1], max)));
  }

  private static Div row(String operation, long ok, long failed, long max) {
    Span label = new Span(operation);
    label
        .getStyle()
        .set("display", "inline-block")
        .set("width", "16em")
        .set("font-family", "monospace");
    Div bar =
        new Div(
            segment(ok, max, "var(--lumo-success-color)"),
            segment(failed, max, "var(--lumo-error-color)"));
    bar.getStyle()
        .set("display", "inline-flex")
        .set("width", "40%")
        .set("height", "1em")
        .set("vertical-align", "middle");
    Span numbers = new Span(" " + ok + " ok" + (failed > 0 ? ", " + failed + " failed" : ""));
    Div row = new Div(label, bar, numbers);
    row.addClassName("chart-row");
    row.getStyle().set("margin", "0.25em 0");
    return row;
  }

  private static Div segment(long value, long max, String colour) {
    Div segment = new Div();
    segment.getStyle().set("width", (100.0 * value / max) + "%").set("background", colour);
    return segment;
  }
}
