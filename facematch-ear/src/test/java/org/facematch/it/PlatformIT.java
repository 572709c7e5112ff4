package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.facematch.stack.OwnerOnlyFiles;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Health, OpenAPI, and problem+json for failures JAX-RS or the container answer. */
@ContainerTest
class PlatformIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /** Console passwords, S3 keys and the JWT signing key of the local stack: owner-only files. */
  @Test
  void theLocalStacksSecretsAreReadableByTheirOwnerOnly(
      @org.junit.jupiter.api.io.TempDir Path fresh) throws Exception {
    Path data = Path.of(System.getProperty("facematch.data.dir", "target/it-data"));
    org.facematch.stack.DemoData.loadOrCreate(fresh);
    for (Path secret :
        List.of(
            data.resolve("keys/jwt-private.pem"),
            data.resolve("s3-credentials.properties"),
            fresh.resolve("console-logins.properties"))) {
      assertThat(Files.getPosixFilePermissions(secret))
          .as(secret.toString())
          .isEqualTo(OwnerOnlyFiles.OWNER_ONLY);
    }
  }

  /** Answers do not advertise the server and JDK behind them. */
  @Test
  void answersNameNoServerSoftware() {
    for (Api.Reply reply :
        List.of(
            Api.get("/health/ready", null),
            Api.get("/kyc/facematch/collections/status", null),
            Api.get("/admin/login", null),
            Api.get("/no-such-page", null))) {
      assertThat(reply.raw().headers().map().keySet())
          .as(reply.raw().uri().toString())
          .noneMatch(
              name -> name.equalsIgnoreCase("X-Powered-By") || name.equalsIgnoreCase("Server"));
    }
  }

  @Test
  void reportsReadyOnlyWithMigratedDatabase() {
    Api.Reply ready = Api.get("/health/ready", null);
    Api.Reply live = Api.get("/health/live", null);

    assertThat(ready.status()).isEqualTo(200);
    JsonObject readiness = ready.json();
    assertThat(readiness.getString("status")).isEqualTo("UP");
    assertThat(ready.body())
        .contains("\"database\"")
        .contains("schema_version")
        .contains("faceplugin-0.0.1");
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json().getString("status")).isEqualTo("UP");
  }

  /**
   * The document the tests check every answer against, and the one the Java client is generated
   * from at build time, is the one served: the source file as written, with one relative server.
   */
  @Test
  void servesTheOpenApiDocumentAsWritten() throws Exception {
    Api.Reply yaml = Api.send(HttpRequest.newBuilder(Api.uri("/openapi")));
    Api.Reply json =
        Api.send(HttpRequest.newBuilder(Api.uri("/openapi")).header("Accept", "application/json"));

    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.contentType()).startsWith("application/yaml");
    assertThat(json.contentType()).startsWith("application/json");
    var mapper = new tools.jackson.databind.ObjectMapper();
    var served = (tools.jackson.databind.node.ObjectNode) mapper.readTree(json.body());
    assertThat(new tools.jackson.dataformat.yaml.YAMLMapper().readTree(yaml.body()))
        .isEqualTo(served);
    assertThat(served.path("openapi").asString()).isEqualTo("3.1.0");
    assertThat(served.has("endpoints")).isFalse();
    assertThat(served.get("servers")).hasSize(1);
    assertThat(served.at("/servers/0/url").asString()).isEqualTo("/");
    var source =
        (tools.jackson.databind.node.ObjectNode)
            new tools.jackson.dataformat.yaml.YAMLMapper()
                .readTree(Files.readString(OPENAPI_SOURCE));
    source.remove("servers");
    served.remove("servers");
    assertThat(served).isEqualTo(source);
  }

  static final Path OPENAPI_SOURCE =
      Path.of("../facematch-api/src/main/resources/org/facematch/api/openapi/openapi.yaml");

  @Test
  void answersUnknownPathsWrongMethodsAndBadBodiesWithProblems() {
    String tenant = TestTenants.enabled();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    String creator = TestTenants.token(tenant, "kyc:create").mint();

    assertProblem(Api.get("/kyc/facematch/no-such-thing", reader), 404, "NOT_FOUND");
    assertProblem(Api.get("/no-such-page", null), 404, "NOT_FOUND");
    assertProblem(
        Api.postJson("/kyc/facematch/collections/status", reader, "{}"), 405, "METHOD_NOT_ALLOWED");
    assertProblem(
        Api.post("/kyc/facematch/upload-url", creator, "text/plain", "content_type=image/jpeg"),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(
        Api.postJson("/kyc/facematch/upload-url", creator, "{\"content_type\": "),
        400,
        "MALFORMED_REQUEST");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/upload-url",
            creator,
            "{\"content_type\": \"image/jpeg\", \"expires_in\": \"soon\"}"),
        400,
        "MALFORMED_REQUEST");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/upload-url", creator, "{\"content_type\": \"application/pdf\"}"),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/upload-url",
            creator,
            "{\"content_type\": \"image/jpeg\", \"expires_in\": 86400}"),
        400,
        "INVALID_PARAMETER");
  }

  @Test
  void issuesPresignedUploadsInsideTheTenantsPrefix() {
    String tenant = TestTenants.enabled();
    String creator = TestTenants.token(tenant, "kyc:create").mint();

    Api.Reply reply =
        Api.postJson(
            "/kyc/facematch/upload-url",
            creator,
            "{\"content_type\": \"image/png\", \"file_name\": \"../../Passport Scan.png\", \"expires_in\": 60}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonObject ticket = reply.json();
    assertThat(ticket.getString("s3_key"))
        .startsWith("tenants/" + tenant + "/uploads/")
        .endsWith("-Passport_Scan.png");
    assertThat(ticket.getString("s3_uri"))
        .isEqualTo("s3://facematch/" + ticket.getString("s3_key"));
    assertThat(ticket.getString("upload_url"))
        .contains("X-Amz-Signature=")
        .contains(ticket.getString("s3_key"));
    long now = System.currentTimeMillis() / 1000;
    assertThat(ticket.getJsonNumber("expires_at").longValue()).isBetween(now + 50, now + 70);
    assertProblem(
        Api.postJson(
            "/kyc/facematch/upload-url",
            TestTenants.token(tenant, "kyc:read").mint(),
            "{\"content_type\": \"image/png\"}"),
        403,
        "PERMISSION_DENIED");
  }

  @Test
  void theS3ServerAcceptsTheUploadOnlyAsSigned() {
    String creator = TestTenants.token(TestTenants.enabled(), "kyc:create").mint();
    JsonObject ticket =
        Api.postJson("/kyc/facematch/upload-url", creator, "{\"content_type\": \"image/jpeg\"}")
            .json();
    URI url = URI.create(ticket.getString("upload_url"));
    byte[] bytes = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    Api.Reply tampered =
        Api.send(
            put(
                URI.create(url.toString().replace("/uploads/", "/uploads/other-")),
                "image/jpeg",
                bytes));
    Api.Reply wrongType = Api.send(put(url, "image/png", bytes));
    Api.Reply signed = Api.send(put(url, "image/jpeg", bytes));

    assertThat(tampered.status()).isEqualTo(403);
    assertThat(wrongType.status()).isEqualTo(403);
    assertThat(signed.status()).isEqualTo(200);
  }

  @Test
  void theS3ServerRefusesAnExpiredUploadUrl() throws InterruptedException {
    String creator = TestTenants.token(TestTenants.enabled(), "kyc:create").mint();
    JsonObject ticket =
        Api.postJson(
                "/kyc/facematch/upload-url",
                creator,
                "{\"content_type\": \"image/jpeg\", \"expires_in\": 1}")
            .json();
    Thread.sleep(2_500);

    Api.Reply late =
        Api.send(
            put(URI.create(ticket.getString("upload_url")), "image/jpeg", new byte[] {1, 2, 3}));

    assertThat(late.status()).isEqualTo(403);
  }

  private static HttpRequest.Builder put(URI url, String contentType, byte[] body) {
    return HttpRequest.newBuilder(url)
        .header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
  }
}
