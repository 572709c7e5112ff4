package org.facematch.api.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.facematch.kernel.entity.Problem;

/** Renders a {@link Problem} as an RFC 9457 {@code application/problem+json} document. */
public final class ProblemResponses {

  public static final String MEDIA_TYPE = "application/problem+json";

  private ProblemResponses() {}

  public static JsonObject body(Problem problem, String detail, URI baseUri, String instance) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", typeUri(problem, baseUri))
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

  public static Response response(Problem problem, String detail, URI baseUri, String instance) {
    Response.ResponseBuilder builder =
        Response.status(problem.status())
            .type(MediaType.valueOf(MEDIA_TYPE))
            .entity(body(problem, detail, baseUri, instance).toString());
    if (problem == Problem.UNAUTHENTICATED) {
      builder.header("WWW-Authenticate", "Bearer");
    }
    if (problem == Problem.RATE_LIMITED) {
      builder.header("Retry-After", "1");
    }
    return builder.build();
  }

  private static String typeUri(Problem problem, URI baseUri) {
    if (baseUri == null || baseUri.getHost() == null) {
      return "about:blank#" + problem.slug();
    }
    String port = baseUri.getPort() < 0 ? "" : ":" + baseUri.getPort();
    return baseUri.getScheme() + "://" + baseUri.getHost() + port + "/problems/" + problem.slug();
  }
}
