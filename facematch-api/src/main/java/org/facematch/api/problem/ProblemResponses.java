package org.facematch.api.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.facematch.kernel.entity.Problem;

/** Renders a {@link Problem} as an RFC 9457 {@code application/problem+json} document. */
public final class ProblemResponses {

  public static final String MEDIA_TYPE = "application/problem+json";

  private static final String PUBLIC_URL =
      ConfigProvider.getConfig()
          .getOptionalValue("facematch.api.public-url", String.class)
          .map(url -> url.replaceAll("/+$", ""))
          .orElse("");

  private ProblemResponses() {}

  public static JsonObject body(Problem problem, String detail, String instance) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", typeUri(problem))
            .add("title", problem.title())
            .add("status", problem.status())
            .add("code", problem.code());
    if (detail != null && !detail.isBlank()) {
      json.add("detail", detail);
    }
    if (instance != null) {
      json.add("instance", instance);
    }
    return json.build();
  }

  public static Response response(Problem problem, String detail, String instance) {
    Response.ResponseBuilder builder =
        Response.status(problem.status())
            .type(MediaType.valueOf(MEDIA_TYPE))
            .entity(body(problem, detail, instance).toString());
    if (problem == Problem.UNAUTHENTICATED) {
      builder.header("WWW-Authenticate", "Bearer");
    }
    if (problem == Problem.RATE_LIMITED || problem == Problem.SERVER_BUSY) {
      builder.header("Retry-After", "1");
    }
    return builder.build();
  }

  /**
   * Never built from the request: a {@code Host} header is the client's to choose. Absolute under
   * {@code facematch.api.public-url} when an operator sets it, else a reference relative to the
   * server the client called (RFC 9457 allows either).
   */
  static String typeUri(Problem problem) {
    return PUBLIC_URL + "/problems/" + problem.slug();
  }
}
