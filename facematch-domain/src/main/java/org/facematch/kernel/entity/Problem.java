package org.facematch.kernel.entity;

/**
 * The one catalog of failures the product reports. Each entry is a stable, machine-readable {@link
 * #code()} that clients branch on, the HTTP status the API contract fixes for it, and a
 * human-readable title. Codes are never renamed once published.
 */
public enum Problem {
  INVALID_PARAMETER(400, "Invalid parameter"),
  MALFORMED_REQUEST(400, "Malformed request body"),
  INVALID_IMAGE(400, "The image cannot be read"),
  IMAGE_TOO_LARGE(400, "The image is too large"),
  NO_FACE_DETECTED(400, "No face detected"),
  FACE_TOO_SMALL(400, "The face is too small to match reliably"),
  IMAGE_NOT_FOUND(400, "No image at the given s3_uri"),
  MAX_FACES_EXCEEDED(400, "The session has the most faces allowed"),
  UNAUTHENTICATED(401, "Missing or invalid bearer token"),
  PERMISSION_DENIED(403, "Permission denied"),
  FEATURE_NOT_ENABLED(403, "Face matching is not enabled for this tenant"),
  NOT_FOUND(404, "Resource not found"),
  FACE_NOT_FOUND(404, "Face not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  PAYLOAD_TOO_LARGE(413, "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  CONCURRENT_CHANGE(409, "Changed by someone else meanwhile"),
  RATE_LIMITED(429, "Too many requests"),
  INTERNAL_ERROR(500, "Internal error"),
  STORAGE_UNAVAILABLE(503, "Image storage unavailable"),
  SERVER_BUSY(503, "Too many large requests at once"),
  ENGINE_UNAVAILABLE(503, "Face engine unavailable");

  private final int status;
  private final String title;

  Problem(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public String code() {
    return name();
  }

  public String slug() {
    return name().toLowerCase().replace('_', '-');
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
