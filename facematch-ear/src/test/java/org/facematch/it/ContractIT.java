package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The oracle itself: it passes a documented answer and fails what the document does not allow. */
class ContractIT {

  private final Contract contract;

  ContractIT() throws Exception {
    var yaml = new tools.jackson.dataformat.yaml.YAMLMapper();
    contract =
        new Contract(
            new tools.jackson.databind.ObjectMapper()
                .writeValueAsString(yaml.readTree(Files.readString(PlatformIT.OPENAPI_SOURCE))));
  }

  private static final String STATUS =
      "{\"collection_name\":\"facematch-t\",\"face_count\":3,\"status\":\"ACTIVE\","
          + "\"engine\":\"faceplugin-0.0.1\",\"model_version\":\"faceplugin-0.0.1\"}";
  private static final String PROBLEM =
      "{\"type\":\"/problems/face-not-found\",\"title\":\"Face not found\",\"status\":404,"
          + "\"code\":\"FACE_NOT_FOUND\",\"instance\":\"/kyc/facematch/faces/x\"}";

  @Test
  void passesDocumentedAnswers() {
    assertThatCode(
            () -> contract.check(get("/kyc/facematch/collections/status"), json(200, STATUS)))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                contract.check(
                    delete("/kyc/facematch/faces/3c33d254-fb24-4d0f-9e70-bdc1a7d67609"),
                    problem(404, PROBLEM)))
        .doesNotThrowAnyException();
    assertThatCode(() -> contract.check(get("/health/ready"), json(503, "<html>")))
        .doesNotThrowAnyException();
  }

  @Test
  void failsAnUndocumentedField() {
    assertThatThrownBy(
            () ->
                contract.check(
                    get("/kyc/facematch/collections/status"),
                    json(200, STATUS.replace("{", "{\"collectionName\":\"x\","))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("collectionName");
  }

  @Test
  void failsAMissingRequiredFieldAWrongTypeAndAnUnknownEnumValue() {
    assertThatThrownBy(
            () ->
                contract.check(
                    get("/kyc/facematch/collections/status"),
                    json(200, STATUS.replace("\"face_count\":3,", ""))))
        .hasMessageContaining("face_count");
    assertThatThrownBy(
            () ->
                contract.check(
                    get("/kyc/facematch/collections/status"),
                    json(200, STATUS.replace("3", "\"3\""))))
        .hasMessageContaining("face_count");
    assertThatThrownBy(
            () ->
                contract.check(
                    delete("/kyc/facematch/faces/x"),
                    problem(404, PROBLEM.replace("FACE_NOT_FOUND", "GONE"))))
        .hasMessageContaining("code");
  }

  @Test
  void failsAnUndocumentedStatusOrMediaType() {
    assertThatThrownBy(
            () -> contract.check(get("/kyc/facematch/collections/status"), problem(404, PROBLEM)))
        .hasMessageContaining("status not documented");
    assertThatThrownBy(
            () ->
                contract.check(
                    get("/kyc/facematch/collections/status"),
                    new Api.Reply(403, "text/html", "<html/>", null)))
        .hasMessageContaining("media type");
    assertThatThrownBy(
            () ->
                contract.check(
                    get("/kyc/facematch/nothing-here"),
                    new Api.Reply(404, "text/html", "<html/>", null)))
        .isInstanceOf(AssertionError.class);
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost" + path)).GET().build();
  }

  private static HttpRequest delete(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost" + path)).DELETE().build();
  }

  private static Api.Reply json(int status, String body) {
    return new Api.Reply(status, "application/json", body, null);
  }

  private static Api.Reply problem(int status, String body) {
    return new Api.Reply(status, "application/problem+json", body, null);
  }
}
