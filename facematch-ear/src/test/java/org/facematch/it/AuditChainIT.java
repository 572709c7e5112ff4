package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.facematch.audit.entity.ChainedEvent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is tamper-evident: every event is chained to its tenant's previous one by a hash,
 * the chain's head is signed, and the operator's verification command names the first link that an
 * edit straight in the database broke.
 */
@ContainerTest
class AuditChainIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void everyCallIsChainedAndTheChainVerifiesUpToItsSignedHead() {
    String tenant = tenantWithEvents(4);
    assertThat(
            AuditTrails.queryLong(
                "SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND seq IS NULL", tenant))
        .as("events outside the chain")
        .isZero();
    assertThat(
            AuditTrails.queryLong(
                "SELECT MAX(seq) - MIN(seq) + 1 - COUNT(*) FROM audit_events WHERE tenant_id = ?",
                tenant))
        .as("gaps in the chain")
        .isZero();
    assertThat(
            AuditTrails.queryLong(
                "SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND seq = 1 AND prev_hash = ?",
                tenant,
                ChainedEvent.GENESIS))
        .isEqualTo(1);

    AuditTrails.awaitSignedHead(tenant);
    assertThat(
            AuditTrails.queryLong(
                "SELECT COUNT(*) FROM audit_digests WHERE chain_key = ? AND signature IS NOT NULL"
                    + " AND key_id IS NOT NULL",
                tenant))
        .isPositive();
    AuditTrails.Verification verification = AuditTrails.verify(tenant);
    assertThat(verification.output()).contains("tenant " + tenant + " is intact");
    assertThat(verification.status()).isZero();
  }

  @Test
  void anEventChangedInTheDatabaseIsNamed() {
    String tenant = tenantWithEvents(4);
    long changed = AuditTrails.chainedIds(tenant).get(1);
    AuditTrails.update(
        "UPDATE audit_events SET outcome = 'OK', details = 'nothing happened' WHERE id = ?",
        changed);

    AuditTrails.Verification verification = AuditTrails.verify(tenant);
    assertThat(verification.output())
        .contains("is broken: event #" + changed + " (seq 2) was changed after it was written");
    assertThat(verification.status()).isEqualTo(1);
  }

  @Test
  void anEventDeletedFromTheDatabaseIsNamed() {
    String tenant = tenantWithEvents(4);
    List<Long> ids = AuditTrails.chainedIds(tenant);
    AuditTrails.update("DELETE FROM audit_events WHERE id = ?", ids.get(1));

    AuditTrails.Verification verification = AuditTrails.verify(tenant);
    assertThat(verification.output())
        .contains("is broken: events 2 before event #" + ids.get(2) + " (seq 3) are missing");
    assertThat(verification.status()).isEqualTo(1);
  }

  @Test
  void theNewestEventDeletedAfterItsHeadWasSignedIsFound() {
    String tenant = tenantWithEvents(3);
    AuditTrails.awaitSignedHead(tenant);
    List<Long> ids = AuditTrails.chainedIds(tenant);
    long last = ids.get(ids.size() - 1);
    // the chain's own row put back as it was before the deleted event, as a careful forger would
    AuditTrails.update(
        "UPDATE audit_chains c JOIN audit_events e ON e.id = ? SET c.last_seq = e.seq,"
            + " c.last_hash = e.hash WHERE c.chain_key = ?",
        ids.get(ids.size() - 2),
        tenant);
    AuditTrails.update("DELETE FROM audit_events WHERE id = ?", last);

    AuditTrails.Verification verification = AuditTrails.verify(tenant);
    assertThat(verification.output()).contains("is broken: a digest signed the chain up to seq");
    assertThat(verification.status()).isEqualTo(1);
  }

  @Test
  void anEventInsertedIntoTheDatabaseIsNamed() {
    String tenant = tenantWithEvents(2);
    AuditTrails.update(
        "INSERT INTO audit_events (occurred_at, tenant_id, actor, operation, outcome)"
            + " VALUES (UTC_TIMESTAMP(3), ?, 'client', 'DELETE_FACE', 'OK')",
        tenant);
    long inserted =
        AuditTrails.queryLong("SELECT MAX(id) FROM audit_events WHERE tenant_id = ?", tenant);

    AuditTrails.Verification verification = AuditTrails.verify(tenant);
    assertThat(verification.output())
        .contains("is broken: event #" + inserted + " is not in the chain");
    assertThat(verification.status()).isEqualTo(1);
  }

  @Test
  void aChainRewrittenWithFreshHashesAfterItsHeadWasSignedIsFound() {
    String tenant = tenantWithEvents(3);
    AuditTrails.awaitSignedHead(tenant);
    List<Long> ids = AuditTrails.chainedIds(tenant);
    AuditTrails.update("UPDATE audit_events SET details = 'rewritten' WHERE id = ?", ids.get(0));
    AuditTrails.rechain(tenant);

    AuditTrails.Verification verification = AuditTrails.verify(tenant);
    assertThat(verification.output()).contains("was rewritten after digest #");
    assertThat(verification.status()).isEqualTo(1);
  }

  /** A new tenant with {@code calls} audited calls: successes and a refusal. */
  static String tenantWithEvents(int calls) {
    String tenant = TestTenants.enabled();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    for (int i = 0; i < calls; i++) {
      Api.Reply reply =
          i % 2 == 0
              ? Api.get("/kyc/facematch/collections/status", reader)
              : Api.postJson("/kyc/facematch/verify", reader, "{\"image_format\":\"base64\"}");
      assertThat(reply.status()).isIn(200, 400);
    }
    assertThat(AuditTrails.chainedIds(tenant)).hasSize(calls);
    return tenant;
  }
}
