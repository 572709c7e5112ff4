package org.facematch.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.facematch.audit.entity.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void quotesSeparatorsAndDefusesFormulas() {
    StringBuilder csv = new StringBuilder(AuditCsv.HEADER);
    AuditCsv.append(
        csv,
        List.of(
            new AuditEntry(
                7L,
                Instant.parse("2026-11-22T01:02:03.004Z"),
                "demo",
                "=cmd()",
                "SEARCH",
                "OK",
                "a,b",
                0.91,
                15,
                "req-1",
                "status: \"In Review\"")));

    assertThat(csv.toString().split("\r\n"))
        .containsExactly(
            AuditCsv.HEADER.strip(),
            "7,2026-11-22T01:02:03.004Z,demo,'=cmd(),SEARCH,OK,\"a,b\",0.91,15,req-1,\"status: \"\"In Review\"\"\"");
  }
}
