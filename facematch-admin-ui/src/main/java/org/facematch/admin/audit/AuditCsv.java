package org.facematch.admin.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.facematch.audit.entity.AuditEntry;

/** The audit log as RFC 4180 CSV, safe to open in a spreadsheet. */
public final class AuditCsv {

  public static final String HEADER =
      "id,occurred_at,tenant_id,actor,operation,outcome,face_ids,similarity,processing_ms,request_id,details\r\n";

  private AuditCsv() {}

  public static void append(StringBuilder csv, List<AuditEntry> rows) {
    for (AuditEntry e : rows) {
      csv.append(e.id())
          .append(',')
          .append(
              e.occurredAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(e.occurredAt()))
          .append(',')
          .append(cell(e.tenantId()))
          .append(',')
          .append(cell(e.actor()))
          .append(',')
          .append(cell(e.operation()))
          .append(',')
          .append(cell(e.outcome()))
          .append(',')
          .append(cell(e.faceIds()))
          .append(',')
          .append(e.similarity() == null ? "" : e.similarity())
          .append(',')
          .append(e.processingMs() == null ? "" : e.processingMs())
          .append(',')
          .append(cell(e.requestId()))
          .append(',')
          .append(cell(e.details()))
          .append("\r\n");
    }
  }

  /**
   * Quotes when needed, and defuses cells a spreadsheet would run as a formula (actors and details
   * come from API callers and console users).
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }
}
