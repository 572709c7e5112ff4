package org.facematch.it;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The served OpenAPI document as a test oracle: every answer a container test receives from the API
 * must be one the document describes, with a JSON Schema validator (networknt) checking the body.
 * An undocumented status, media type or field fails the test that received it.
 */
final class Contract {

  private static final String BASE = "https://facematch.invalid/openapi.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile Contract served;

  private final JsonNode document;
  private final SchemaRegistry schemas;
  private final Map<String, Schema> byPointer = new ConcurrentHashMap<>();

  /** The document as JSON text. */
  Contract(String json) {
    this.document = JSON.readTree(json);
    this.schemas =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemas(Map.of(BASE, json))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** The document as the server serves it, fetched once per test JVM. */
  static Contract served(Supplier<Api.Reply> fetch) {
    if (served == null) {
      synchronized (Contract.class) {
        if (served == null) {
          Api.Reply document = fetch.get();
          if (document.status() != 200) {
            throw new AssertionError("GET /openapi answered " + document.status());
          }
          served = new Contract(document.body());
        }
      }
    }
    return served;
  }

  JsonNode document() {
    return document;
  }

  /**
   * @throws AssertionError naming what the document does not allow
   */
  void check(HttpRequest request, Api.Reply reply) {
    String path = request.uri().getRawPath();
    if (!path.startsWith("/kyc/")) {
      return;
    }
    String where = request.method() + " " + path + " → " + reply.status();
    Optional<Map.Entry<String, JsonNode>> template = pathItem(path);
    JsonNode operation =
        template.map(t -> t.getValue().get(request.method().toLowerCase(Locale.ROOT))).orElse(null);
    if (operation == null) {
      // Unknown path or method: only the generic answers, and still problem+json.
      if (request.method().equals("OPTIONS") && reply.status() == 200) {
        return;
      }
      if (!List.of(400, 401, 403, 404, 405, 406, 413, 415, 429, 500).contains(reply.status())) {
        throw new AssertionError(where + ": undocumented path or method with this status");
      }
      validate(where, "#/components/schemas/Problem", reply, "application/problem+json");
      return;
    }
    JsonNode response = operation.path("responses").get(Integer.toString(reply.status()));
    if (response == null) {
      throw new AssertionError(where + ": status not documented for the operation");
    }
    response = resolve(response);
    JsonNode content = response.get("content");
    if (content == null) {
      if (!reply.body().isEmpty()) {
        throw new AssertionError(where + ": a body where the document declares none");
      }
      return;
    }
    String mediaType = reply.contentType().replaceFirst(";.*", "").trim().toLowerCase(Locale.ROOT);
    JsonNode media = content.get(mediaType);
    if (media == null) {
      throw new AssertionError(
          where + ": media type '" + reply.contentType() + "' not documented for this answer");
    }
    if (request.method().equals("HEAD")) {
      return;
    }
    validate(where, media.path("schema").path("$ref").asText(), reply, mediaType);
  }

  private void validate(String where, String pointer, Api.Reply reply, String mediaType) {
    if (!reply.contentType().toLowerCase(Locale.ROOT).startsWith(mediaType)) {
      throw new AssertionError(where + ": Content-Type '" + reply.contentType() + "'");
    }
    JsonNode body;
    try {
      body = JSON.readTree(reply.body());
    } catch (RuntimeException e) {
      throw new AssertionError(where + ": the body is not JSON: " + reply.body(), e);
    }
    Schema schema =
        byPointer.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(BASE + p)));
    List<Error> errors = schema.validate(body);
    if (!errors.isEmpty()) {
      throw new AssertionError(
          where + ": the body breaks the OpenAPI document: " + errors + "\n" + reply.body());
    }
  }

  private Optional<Map.Entry<String, JsonNode>> pathItem(String path) {
    for (Map.Entry<String, JsonNode> entry : document.path("paths").properties()) {
      String regex = Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      if (Pattern.matches(regex, path)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.isEmpty() ? node : document.at(ref.substring(1));
  }
}
