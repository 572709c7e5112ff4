package org.facematch.api;

import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/** JAX-RS hands a resource {@code null} for an empty body; every endpoint refuses it alike. */
public final class RequestBodies {

  private RequestBodies() {}

  public static <T> T required(T body) {
    return required(body, "A JSON request body is required");
  }

  public static <T> T required(T body, String detail) {
    if (body == null) {
      throw new FaceMatchException(Problem.INVALID_PARAMETER, detail);
    }
    return body;
  }
}
