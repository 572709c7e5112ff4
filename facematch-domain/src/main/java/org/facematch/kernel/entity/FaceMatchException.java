package org.facematch.kernel.entity;

import jakarta.ejb.ApplicationException;

/** A failure the caller can act on; the API renders it as RFC 9457 problem details. */
@ApplicationException(rollback = true)
public class FaceMatchException extends RuntimeException {

  private final Problem problem;

  public FaceMatchException(Problem problem, String detail) {
    super(detail);
    this.problem = problem;
  }

  public FaceMatchException(Problem problem, String detail, Throwable cause) {
    super(detail, cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public String detail() {
    return getMessage();
  }
}
