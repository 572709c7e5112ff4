package org.facematch.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.facematch.api.audit.Endpoints;
import org.facematch.audit.entity.Operation;
import org.facematch.kernel.entity.Access;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.Roles;
import org.junit.jupiter.api.Test;

/** The hand-written document against the code it describes: operations, permissions, codes. */
class OpenApiDocumentTest {

  private final ObjectNode document = OpenApiServlet.read();

  record Endpoint(String path, String method, String permission) {}

  @Test
  void describesExactlyTheResourceMethodsWithTheirPermissions() {
    List<Endpoint> served = new ArrayList<>();
    for (Endpoints.Endpoint endpoint : Endpoints.all()) {
      served.add(
          new Endpoint(endpoint.template(), endpoint.method(), permission(endpoint.operation())));
    }
    List<Endpoint> documented = new ArrayList<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op ->
                            documented.add(
                                new Endpoint(
                                    path.getKey(),
                                    op.getKey().toUpperCase(Locale.ROOT),
                                    op.getValue().at("/security/0/bearer/0").asText()))));

    // A List: a sorted set would compare its elements by its comparator, not by equals.
    served.sort(OpenApiDocumentTest::compare);
    documented.sort(OpenApiDocumentTest::compare);
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void listsEveryProblemCodeOfTheCatalogue() {
    List<String> documented =
        StreamSupport.stream(
                document.at("/components/schemas/ProblemCode/enum").spliterator(), false)
            .map(JsonNode::asText)
            .toList();

    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Problem.values()).map(Problem::code).toList());
  }

  @Test
  void everyErrorResponseIsAProblemDocumentAndEveryOperationDocumentsTheCommonOnes() {
    List<String> missing = new ArrayList<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          JsonNode responses = op.getValue().get("responses");
                          for (String status : List.of("401", "403", "406", "429", "500", "503")) {
                            if (!responses.has(status)) {
                              missing.add(op.getKey() + " " + path.getKey() + " " + status);
                            }
                          }
                          responses
                              .properties()
                              .forEach(
                                  response -> {
                                    if (response.getKey().startsWith("2")) {
                                      return;
                                    }
                                    JsonNode resolved = resolve(response.getValue());
                                    if (!resolved
                                        .at("/content/application~1problem+json/schema/$ref")
                                        .asText()
                                        .equals("#/components/schemas/Problem")) {
                                      missing.add(
                                          op.getKey()
                                              + " "
                                              + path.getKey()
                                              + " "
                                              + response.getKey()
                                              + " is not problem+json");
                                    }
                                  });
                        }));

    assertThat(missing).isEmpty();
  }

  @Test
  void namesOneServerTheOperatorsPublicUrlOrRelative() {
    assertThat(
            OpenApiServlet.withServer(OpenApiServlet.read(), Optional.empty())
                .at("/servers/0/url")
                .asText())
        .isEqualTo("/");
    ObjectNode configured =
        OpenApiServlet.withServer(OpenApiServlet.read(), Optional.of("https://kyc.example.com/"));
    assertThat(configured.get("servers")).hasSize(1);
    assertThat(configured.at("/servers/0/url").asText()).isEqualTo("https://kyc.example.com");
  }

  @Test
  void answersJsonWhenAskedForItElseYaml() {
    assertThat(OpenApiServlet.wantsJson(null, "application/json")).isTrue();
    assertThat(OpenApiServlet.wantsJson("json", null)).isTrue();
    assertThat(OpenApiServlet.wantsJson("JSON", "application/yaml")).isTrue();
    assertThat(OpenApiServlet.wantsJson("yaml", "application/json")).isFalse();
    assertThat(OpenApiServlet.wantsJson(null, "*/*")).isFalse();
    assertThat(OpenApiServlet.wantsJson(null, null)).isFalse();
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText();
    return ref.isEmpty() ? node : document.at(ref.substring(1));
  }

  private static int compare(Endpoint a, Endpoint b) {
    return (a.path() + " " + a.method()).compareTo(b.path() + " " + b.method());
  }

  private static String permission(Operation operation) {
    Access access = operation.access();
    return switch (access) {
      case KYC_READ -> Roles.KYC_READ;
      case KYC_CREATE -> Roles.KYC_CREATE;
      default -> throw new AssertionError("The API performs no " + access + " operation");
    };
  }
}
