package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The scheduled purge removes what outlived a tenant's retention schedule, with every trace, and
 * nothing else; the audit trail it shortens still verifies from its signed anchor.
 */
@ContainerTest
class RetentionIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void aPurgeRemovesWhatOutlivedTheScheduleWithEveryTraceAndKeepsTheRest() {
    TenantClient t = TenantClient.local().keeping(1, 1, 1);
    String tenant = t.id();
    String reader = t.reader();
    JsonObject old = t.register(Photos.person(Photos.PERSON_A), "subject-old");
    JsonObject kept = t.register(Photos.person(Photos.PERSON_B), "subject-kept");
    String oldId = old.getString("face_id");
    AuditTrails.update(
        "UPDATE faces SET created_at = created_at - INTERVAL 2 DAY WHERE id = ?", oldId);
    assertThat(t.search(Photos.person(Photos.PERSON_B)).getString("status")).isEqualTo("In Review");
    assertThat(t.search(Photos.otherPictureOf(Photos.PERSON_B)).getString("status"))
        .isEqualTo("In Review");
    List<Long> cases = reviewCases(tenant);
    assertThat(cases).hasSize(2);
    String decidedProbe = probeOf(cases.get(0));
    String openProbe = probeOf(cases.get(1));
    AuditTrails.update(
        "UPDATE review_cases SET state = 'CONFIRMED', decided_by = 'admin',"
            + " decided_at = UTC_TIMESTAMP(3) - INTERVAL 2 DAY WHERE id = ?",
        cases.get(0));
    long eventsBefore =
        AuditTrails.queryLong("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ?", tenant);
    AuditTrails.age(tenant, 2, Duration.ofDays(2));

    AuditTrails.runJobNow("retention");
    AuditTrails.awaitEvent(tenant, "RETENTION_PURGE");

    assertThat(TestTenants.auditOfTenant(tenant, "RETENTION_PURGE"))
        .containsExactly("RETENTION_PURGE|OK|faces: 1, review cases: 1, audit events: 2");
    assertThat(TestTenants.auditOfTenant(tenant, "RETENTION_DELETE_FACE"))
        .containsExactly("RETENTION_DELETE_FACE|OK|session: subject-old");
    assertThat(TestTenants.faceRows(tenant)).as("the kept face's row only").isEqualTo(1);
    assertThat(S3.exists(old.getString("s3_key"))).as("the old face's image").isFalse();
    assertThat(S3.exists(kept.getString("s3_key"))).isTrue();
    assertThat(reviewCases(tenant))
        .as("the decided case goes, the open one stays")
        .containsExactly(cases.get(1));
    assertThat(S3.exists(decidedProbe)).isFalse();
    assertThat(S3.exists(openProbe)).isTrue();
    JsonObject everything =
        Api.postJson(
                "/kyc/facematch/search",
                reader,
                Requests.search(Photos.person(Photos.PERSON_A))
                    .add("threshold", 0.0)
                    .build()
                    .toString())
            .json();
    assertThat(
            everything.getJsonArray("matches").stream()
                .map(m -> m.asJsonObject().getString("face_id"))
                .toList())
        .as("the search index")
        .doesNotContain(oldId)
        .contains(kept.getString("face_id"));
    assertThat(
            AuditTrails.queryLong(
                "SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND occurred_at <"
                    + " UTC_TIMESTAMP(3) - INTERVAL 1 DAY",
                tenant))
        .as("events older than a day")
        .isZero();
    assertThat(
            AuditTrails.queryLong("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ?", tenant))
        .isGreaterThan(eventsBefore - 2);
    assertThat(
            AuditTrails.queryLong(
                "SELECT COUNT(*) FROM audit_digests WHERE chain_key = ? AND kind = 'ANCHOR'",
                tenant))
        .isEqualTo(1);
    AuditTrails.Verification verification = AuditTrails.verify(tenant);
    assertThat(verification.output()).contains("tenant " + tenant + " is intact");
    assertThat(verification.status()).isZero();
  }

  @Test
  void aTenantWithNothingDueIsLeftAloneAndLeavesNoEvent() {
    TenantClient t = TenantClient.local();
    String tenant = t.id();
    JsonObject face = t.register(Photos.person(Photos.PERSON_C), "subject-new");
    TenantClient marker = TenantClient.local().keeping(1, 1, 1);
    String markerFace =
        marker.register(Photos.otherPictureOf(Photos.PERSON_C), "marker").getString("face_id");
    AuditTrails.update(
        "UPDATE faces SET created_at = created_at - INTERVAL 2 DAY WHERE id = ?", markerFace);

    AuditTrails.runJobNow("retention");
    AuditTrails.awaitEvent(marker.id(), "RETENTION_PURGE");

    assertThat(TestTenants.faceRows(tenant)).isEqualTo(1);
    assertThat(S3.exists(face.getString("s3_key"))).isTrue();
    assertThat(TestTenants.auditOfTenant(tenant, "RETENTION_PURGE")).isEmpty();
  }

  private static List<Long> reviewCases(String tenant) {
    List<Long> ids = new java.util.ArrayList<>();
    long after = 0;
    while (true) {
      long next =
          AuditTrails.queryLong(
              "SELECT MIN(id) FROM review_cases WHERE tenant_id = ? AND id > ?", tenant, after);
      if (next == 0) {
        return ids;
      }
      ids.add(next);
      after = next;
    }
  }

  private static String probeOf(long reviewCase) {
    return AuditTrails.queryString(
        "SELECT probe_s3_key FROM review_cases WHERE id = ?", reviewCase);
  }
}
