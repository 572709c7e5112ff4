package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facematch.it.ProblemAssert.assertProblem;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

@ContainerTest
class PermissionsAndBadInputIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /** Every endpoint refuses a token with only the other permission, before touching any input. */
  @Test
  void everyEndpointRequiresItsPermission() {
    String tenant = TestTenants.enabled();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    Map<String, String> needsCreate =
        Map.of(
            "/kyc/facematch/register",
            "{}",
            "/kyc/facematch/blacklist",
            "{}",
            "/kyc/facematch/upload-url",
            "{}");
    Map<String, String> needsRead =
        Map.of("/kyc/facematch/verify", "{}", "/kyc/facematch/search", "{}");

    needsCreate.forEach(
        (path, body) -> assertProblem(Api.postJson(path, reader, body), 403, "PERMISSION_DENIED"));
    needsRead.forEach(
        (path, body) -> assertProblem(Api.postJson(path, creator, body), 403, "PERMISSION_DENIED"));
    needsRead.forEach(
        (path, body) -> assertThat(Api.postJson(path, reader, body).status()).isEqualTo(400));
    assertProblem(Api.get("/kyc/facematch/collections/status", creator), 403, "PERMISSION_DENIED");
    assertProblem(
        Api.send(
            HttpRequest.newBuilder(
                    Api.uri("/kyc/facematch/faces/00000000-0000-0000-0000-000000000000"))
                .header("Authorization", "Bearer " + reader)
                .DELETE()),
        403,
        "PERMISSION_DENIED");
    String disabled = TestTenants.disabled();
    assertProblem(
        Api.postJson("/kyc/facematch/verify", TestTenants.token(disabled, "kyc:read").mint(), "{}"),
        403,
        "FEATURE_NOT_ENABLED");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/register", TestTenants.token(disabled, "kyc:create").mint(), "{}"),
        403,
        "FEATURE_NOT_ENABLED");
  }

  @Test
  void badInputIsAClearClientErrorNeverA500() {
    String tenant = TestTenants.enabled();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String face = Photos.base64(Photos.person(Photos.PERSON_A));
    byte[] jpeg = Photos.person(Photos.PERSON_A);

    assertProblem(
        Api.postJson("/kyc/facematch/search", reader, "{\"image_format\": 1, \"image\": []}"),
        400,
        "MALFORMED_REQUEST");
    assertProblem(Api.postJson("/kyc/facematch/search", reader, "[]"), 400, "MALFORMED_REQUEST");
    assertProblem(Api.postJson("/kyc/facematch/search", reader, "{}"), 400, "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"png\",\"image\":\"" + face + "\"}"),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"base64\",\"image\":\"%%%not base64%%%\"}"),
        400,
        "INVALID_IMAGE");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"base64\",\"image\":\""
                + Base64.getEncoder().encodeToString("plain text, no image".getBytes())
                + "\"}"),
        400,
        "INVALID_IMAGE");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"base64\",\"image\":\""
                + Photos.base64(Arrays.copyOf(jpeg, jpeg.length / 2))
                + "\"}"),
        400,
        "INVALID_IMAGE");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"base64\",\"image\":\""
                + Photos.base64(new byte[6 * 1024 * 1024])
                + "\"}"),
        400,
        "IMAGE_TOO_LARGE");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"base64\",\"image\":\"" + face + "\",\"max_results\":0}"),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"base64\",\"image\":\"" + face + "\",\"max_results\":10000}"),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"base64\",\"image\":\"" + face + "\",\"threshold\":1.5}"),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/verify",
            reader,
            "{\"image_format\":\"base64\",\"source_image\":\""
                + face
                + "\",\"target_image\":\""
                + face
                + "\",\"threshold\":-0.1}"),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/verify",
            reader,
            "{\"image_format\":\"base64\",\"source_image\":\"" + face + "\"}"),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson("/kyc/facematch/verify", reader, Requests.verify(jpeg, Photos.noFace())),
        400,
        "NO_FACE_DETECTED");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            "{\"image_format\":\"base64\",\"image\":\"" + face + "\",\"session_id\":42}"),
        400,
        "MALFORMED_REQUEST");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"base64\",\"image\":\"" + face + "\",\"threshold\":\"0.9\"}"),
        400,
        "MALFORMED_REQUEST");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search",
            reader,
            "{\"image_format\":\"base64\",\"image\":\"" + face + "\",\"max_results\":2.5}"),
        400,
        "MALFORMED_REQUEST");

    assertThat(
            Api.postJson(
                    "/kyc/facematch/search",
                    reader,
                    "{\"image_format\":\"base64\",\"image\":\"" + face + "\"}")
                .status())
        .isEqualTo(200);
  }

  /** Client mistakes that were 500s or "retry later" 503s, or answered with the wrong code. */
  @Test
  void clientMistakesAreFourHundredsWithTheRightCode() {
    String tenant = TestTenants.enabled();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    String creator = TestTenants.token(tenant, "kyc:create").mint();
    String face = Photos.base64(Photos.person(Photos.PERSON_A));
    String ownPrefix = "s3://facematch/tenants/" + tenant + "/uploads/";

    assertProblem(
        Api.postJson("/kyc/facematch/upload-url", creator, "{}"), 400, "INVALID_PARAMETER");
    assertProblem(
        Api.postJson("/kyc/facematch/blacklist", creator, "{\"reason\":\"fraud\"}"),
        400,
        "INVALID_PARAMETER");
    assertProblem(
        Api.postJson(
            "/kyc/facematch/search", reader, "{\"image_format\":\"base64\",\"image\":\"\"}"),
        400,
        "INVALID_IMAGE");
    for (String uri :
        new String[] {ownPrefix + "a\\u0000.jpg", ownPrefix + "k".repeat(5000) + ".jpg"}) {
      assertProblem(
          Api.postJson(
              "/kyc/facematch/search",
              reader,
              "{\"image_format\":\"s3\",\"image\":\"" + uri + "\"}"),
          400,
          "INVALID_PARAMETER");
    }
    String deep =
        "[".repeat(20) + "]".repeat(20); // deeper than metadata may be, within what a body may be
    assertProblem(
        Api.postJson(
            "/kyc/facematch/register",
            creator,
            "{\"image_format\":\"base64\",\"image\":\""
                + face
                + "\",\"session_id\":\"deep\",\"metadata\":{\"a\":"
                + deep
                + "}}"),
        400,
        "INVALID_PARAMETER");
    assertThat(TestTenants.faceRows(tenant)).isZero();
  }

  /** The problem type never comes from the request's Host header. */
  @Test
  void problemTypesDoNotEchoTheHostHeader() {
    Api.Reply reply =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/collections/status"))
                .header("Host", "evil.example")
                .GET());
    assertThat(assertProblem(reply, 401, "UNAUTHENTICATED").getString("type"))
        .isEqualTo("/problems/unauthenticated");
  }

  /** What JSON-B alone would tolerate, and bodies too large to read at all. */
  @Test
  void hostileJsonAndOversizedBodiesAreRefusedBeforeBinding() {
    String tenant = TestTenants.enabled();
    String reader = TestTenants.token(tenant, "kyc:read").mint();
    String face = Photos.base64(Photos.person(Photos.PERSON_A));
    String search = "{\"image_format\":\"base64\",\"image\":\"" + face + "\"}";

    for (String body :
        new String[] {
          "[" + search + "]",
          search + " {}",
          search + " trailing",
          "{\"image_format\":\"s3\",\"image_format\":\"base64\",\"image\":\"" + face + "\"}",
          "{\"image_format\":\"base64\",\"image\":\""
              + face
              + "\",\"x\":"
              + "[".repeat(64)
              + "]".repeat(64)
              + "}"
        }) {
      assertProblem(Api.postJson("/kyc/facematch/search", reader, body), 400, "MALFORMED_REQUEST");
    }
    assertProblem(
        Api.post("/kyc/facematch/search", reader, "application/json; charset=utf-16", search),
        400,
        "MALFORMED_REQUEST");
    assertProblem(
        Api.postJson("/kyc/facematch/search", reader, search.replace("\"base64\"", "\"BASE64\"")),
        400,
        "INVALID_PARAMETER");

    RawHttp.Response huge =
        RawHttp.send(
            "POST /kyc/facematch/search HTTP/1.1\nAuthorization: Bearer "
                + reader
                + "\nContent-Type: application/json\nContent-Length: 52428800\n",
            "{\"image\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(huge.status()).as(huge.body()).isEqualTo(413);
    assertThat(huge.headers().get("content-type")).startsWith("application/problem+json");
    assertThat(huge.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    assertThat(Api.postJson("/kyc/facematch/search", reader, search).status()).isEqualTo(200);
  }

  /** OPTIONS and a problem+json Accept header get answers, not a 403 or a 406. */
  @Test
  void optionsAndProblemAcceptHeadersAreAnswered() {
    String reader = TestTenants.token(TestTenants.enabled(), "kyc:read").mint();
    Api.Reply options =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/verify"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(options.status()).as(options.body()).isBetween(200, 204);
    assertThat(options.header("Allow").orElse("")).contains("POST");

    Api.Reply status =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/collections/status"))
                .header("Authorization", "Bearer " + reader)
                .header("Accept", "application/problem+json")
                .GET());
    assertThat(status.status()).isEqualTo(200);
    assertProblem(
        Api.send(
            HttpRequest.newBuilder(Api.uri("/kyc/facematch/search"))
                .header("Authorization", "Bearer " + reader)
                .header("Accept", "application/problem+json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        400,
        "INVALID_PARAMETER");
  }

  /** A client that stops sending before its Content-Length made a mistake: not a 500. */
  @Test
  void aBodyCutShortIsMalformedNotAServerFailure() throws InterruptedException {
    String reader = TestTenants.token(TestTenants.enabled(), "kyc:read").mint();
    String requestId = "cut-short-" + java.util.UUID.randomUUID();
    RawHttp.sendAndStop(
        "POST /kyc/facematch/search HTTP/1.1\nAuthorization: Bearer "
            + reader
            + "\nX-Request-Id: "
            + requestId
            + "\nContent-Type: application/json\nContent-Length: 2000\n",
        "{\"image\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    java.util.List<String> audit = TestTenants.auditOf(requestId);
    for (int attempt = 0;
        attempt < 50 && audit.isEmpty();
        attempt++) { // written as the server gives up on it
      Thread.sleep(100);
      audit = TestTenants.auditOf(requestId);
    }
    Thread.sleep(
        1_000); // the container's error dispatch, when it cannot write the answer, comes after
    assertThat(TestTenants.auditOf(requestId))
        .singleElement()
        .asString()
        .startsWith("SEARCH|MALFORMED_REQUEST|");
  }
}
