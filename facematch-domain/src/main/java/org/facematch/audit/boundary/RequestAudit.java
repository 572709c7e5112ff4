package org.facematch.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit facts of the current call, gathered as it goes. The API fills in who and what; the
 * boundaries add faces and scores and write the event inside their own transaction when the call
 * succeeds. A call that fails is written afterwards by the API, since its transaction rolled back.
 */
@RequestScoped
public class CallAudit {

  String requestId;
  String actor;
  String tenantId;
  String operation;
  long startedNanos = System.nanoTime();
  final List<String> faceIds = new ArrayList<>();
  Double similarity;
  String details;
  boolean written;

  public void begin(String requestId, String actor, String operation) {
    this.requestId = requestId;
    this.actor = actor;
    this.operation = operation;
    this.startedNanos = System.nanoTime();
  }

  public void tenant(String tenantId) {
    this.tenantId = tenantId;
  }

  public void face(String faceId) {
    faceIds.add(faceId);
  }

  public void similarity(double similarity) {
    this.similarity = similarity;
  }

  public void details(String details) {
    this.details = details;
  }

  public boolean isWritten() {
    return written;
  }

  public String requestId() {
    return requestId;
  }

  public org.facematch.audit.entity.AuditRecord toRecord(String outcome) {
    return new org.facematch.audit.entity.AuditRecord(
        requestId, tenantId, actor, operation, outcome, List.copyOf(faceIds), similarity, elapsedMillis(), details);
  }

  public void markWritten() {
    written = true;
  }

  int elapsedMillis() {
    return (int) ((System.nanoTime() - startedNanos) / 1_000_000);
  }
}
