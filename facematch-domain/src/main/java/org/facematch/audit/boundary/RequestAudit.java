package org.facematch.audit.boundary;

import jakarta.enterprise.context.RequestScoped;

/**
 * The audit state of the current HTTP request: the id its event is filed under, and whether an
 * operation's interceptor has written the event already. The API writes an event itself only for a
 * request that ended before any boundary operation ran (refused token, unknown path, malformed
 * body).
 */
@RequestScoped
public class RequestAudit {

  private String requestId;
  private boolean written;

  public void begin(String requestId) {
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }

  public boolean isWritten() {
    return written;
  }

  /** The request's event is written: by an operation's interceptor, or by the API for a refusal. */
  public void markWritten() {
    written = true;
  }
}
