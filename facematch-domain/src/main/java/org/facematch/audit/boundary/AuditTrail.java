package org.facematch.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.facematch.audit.entity.AuditEvent;
import org.facematch.audit.entity.AuditRecord;

/** The audit trail: one event per call, allowed or refused. */
@Stateless
public class AuditTrail {

  @PersistenceContext EntityManager em;
  @Inject CallAudit call;

  /** Writes the current call's event with the given outcome, inside the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void succeeded() {
    write(AuditRecord.OK);
  }

  /**
   * Writes the current call's event for a call that ended without its own audit (refused before
   * reaching a boundary, or failed and rolled back), in a transaction of its own.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void ended(String outcome) {
    if (!call.isWritten()) {
      write(outcome);
    }
  }

  private void write(String outcome) {
    em.persist(new AuditEvent(call.toRecord(outcome)));
    call.markWritten();
  }
}
