package org.facematch.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.facematch.kernel.entity.Problem;
import org.facematch.stack.DevKeys;
import org.facematch.stack.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hundreds of bad requests across every endpoint, each answered as the client's mistake: a 4xx
 * problem+json with a stable code from the catalogue, no stack trace, within 10 s, and nothing
 * stored changes. Every answer is also checked against the OpenAPI document by {@link Api}.
 */
@ContainerTest
class BadInputSuiteIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /** How a request is refused: its status and the codes it may carry. */
  record Refusal(int status, Set<String> codes) {
    static Refusal of(int status, String... codes) {
      return new Refusal(status, Set.of(codes));
    }
  }

  record Case(String name, Function<Fixture, HttpRequest.Builder> request, Refusal expected) {}

  private static final Refusal MALFORMED = Refusal.of(400, "MALFORMED_REQUEST");
  private static final Refusal BAD_BODY = Refusal.of(400, "MALFORMED_REQUEST", "INVALID_PARAMETER");
  private static final Refusal INVALID = Refusal.of(400, "INVALID_PARAMETER");
  private static final Refusal BAD_IMAGE =
      Refusal.of(400, "INVALID_IMAGE", "IMAGE_TOO_LARGE", "NO_FACE_DETECTED", "FACE_TOO_SMALL");
  private static final Refusal UNAUTHENTICATED = Refusal.of(401, "UNAUTHENTICATED");
  private static final Refusal DENIED = Refusal.of(403, "PERMISSION_DENIED");
  private static final Refusal DISABLED = Refusal.of(403, "FEATURE_NOT_ENABLED");
  private static final Refusal NOT_FOUND = Refusal.of(404, "FACE_NOT_FOUND");
  private static final Refusal NO_METHOD = Refusal.of(405, "METHOD_NOT_ALLOWED");
  private static final Refusal NOT_ACCEPTABLE = Refusal.of(406, "NOT_ACCEPTABLE");
  private static final Refusal MEDIA_TYPE = Refusal.of(415, "UNSUPPORTED_MEDIA_TYPE");

  /** The POST endpoints with a body that passes every check but the one a case breaks. */
  enum Endpoint {
    VERIFY("verify", "kyc:read"),
    SEARCH("search", "kyc:read"),
    REGISTER("register", "kyc:create"),
    REGISTER_BATCH("register/batch", "kyc:create"),
    BLACKLIST("blacklist", "kyc:create"),
    UPLOAD_URL("upload-url", "kyc:create");

    final String path;
    final String permission;

    Endpoint(String path, String permission) {
      this.path = "/kyc/facematch/" + path;
      this.permission = permission;
    }

    /** A body the endpoint would accept, minus nothing: cases change one thing in it. */
    JsonObjectBuilder body(Fixture f) {
      return switch (this) {
        case VERIFY ->
            Json.createObjectBuilder()
                .add("image_format", "base64")
                .add("source_image", f.face)
                .add("target_image", f.face);
        case SEARCH ->
            Json.createObjectBuilder().add("image_format", "base64").add("image", f.face);
        case REGISTER ->
            Json.createObjectBuilder()
                .add("image_format", "base64")
                .add("image", f.face)
                .add("session_id", "suite-session");
        case REGISTER_BATCH ->
            Json.createObjectBuilder()
                .add(
                    "items",
                    Json.createArrayBuilder()
                        .add(REGISTER.body(f).add("session_id", "suite-batch")));
        case BLACKLIST ->
            Json.createObjectBuilder().add("face_id", f.ownFace).add("reason", "Suite");
        case UPLOAD_URL -> Json.createObjectBuilder().add("content_type", "image/jpeg");
      };
    }

    String imageField() {
      return this == VERIFY ? "source_image" : "image";
    }

    boolean takesImages() {
      return this == VERIFY || this == SEARCH || this == REGISTER;
    }
  }

  /** Shared by all cases: a tenant with two faces, another tenant with one, tokens. */
  static final class Fixture {
    final String tenant = TestTenants.enabled();
    final String foreignTenant = TestTenants.enabled();
    final String face = Photos.base64(Photos.person(Photos.PERSON_A));
    final String reader;
    final String creator;
    final String ownFace;
    final String foreignFace;
    final Snapshot before;

    Fixture() {
      TestTenants.rateLimits(tenant, 100_000, 100_000, 100_000, 100_000);
      reader = TestTenants.token(tenant, "kyc:read").mint();
      creator = TestTenants.token(tenant, "kyc:create").mint();
      ownFace = register(tenant, creator, Photos.person(Photos.PERSON_A), "suite-a");
      register(tenant, creator, Photos.person(Photos.PERSON_B), "suite-b");
      foreignFace =
          register(
              foreignTenant,
              TestTenants.token(foreignTenant, "kyc:create").mint(),
              Photos.person(Photos.PERSON_C),
              "suite-c");
      before = snapshot();
    }

    String token(Endpoint endpoint) {
      return endpoint.permission.equals("kyc:read") ? reader : creator;
    }

    Snapshot snapshot() {
      Api.Reply search =
          Api.postJson(
              "/kyc/facematch/search", reader, Endpoint.SEARCH.body(this).build().toString());
      assertThat(search.status()).isEqualTo(200);
      List<String> matches =
          search.json().getJsonArray("matches").stream()
              .map(
                  m ->
                      m.asJsonObject().getString("face_id")
                          + m.asJsonObject().get("is_blacklisted"))
              .toList();
      return new Snapshot(
          TestTenants.faceRows(tenant),
          TestTenants.faceRows(foreignTenant),
          S3.count("tenants/" + tenant + "/faces/"),
          S3.count("tenants/" + foreignTenant + "/"),
          matches);
    }

    private static String register(String tenant, String token, byte[] image, String session) {
      Api.Reply reply =
          Api.postJson(
              "/kyc/facematch/register",
              token,
              Requests.register(image, session).build().toString());
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      return reply.json().getString("face_id");
    }
  }

  record Snapshot(
      int faces, int foreignFaces, int images, int foreignObjects, List<String> searchMatches) {}

  private static Fixture fixture;

  static synchronized Fixture fixture() {
    if (fixture == null) {
      fixture = new Fixture();
    }
    return fixture;
  }

  static Stream<Named<Case>> cases() {
    List<Named<Case>> cases = new ArrayList<>();
    for (Endpoint e : Endpoint.values()) {
      syntax(cases, e);
      mediaTypes(cases, e);
      methods(cases, e);
      accept(cases, e.name(), f -> post(e, f.token(e), "application/json", "{}"));
      tokens(
          cases,
          e.name(),
          (f, authorization) ->
              authorized(
                  HttpRequest.newBuilder(Api.uri(e.path))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body(f, e))),
                  authorization),
          e);
      wrongTypes(cases, e);
      if (e.takesImages()) {
        images(cases, e);
        s3Uris(cases, e);
      }
    }
    accept(cases, "STATUS", f -> get("/kyc/facematch/collections/status", f.reader));
    tokens(
        cases,
        "STATUS",
        (f, authorization) ->
            authorized(
                HttpRequest.newBuilder(Api.uri("/kyc/facematch/collections/status")).GET(),
                authorization),
        Endpoint.SEARCH);
    tokens(
        cases,
        "DELETE",
        (f, authorization) ->
            authorized(
                HttpRequest.newBuilder(Api.uri("/kyc/facematch/faces/" + UUID.randomUUID()))
                    .DELETE(),
                authorization),
        Endpoint.REGISTER);
    bounds(cases);
    ids(cases);
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      add(
          cases,
          "STATUS method " + method,
          f ->
              authorized(
                  HttpRequest.newBuilder(Api.uri("/kyc/facematch/collections/status"))
                      .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                      .header("Content-Type", "application/json"),
                  "Bearer " + f.reader),
          NO_METHOD);
    }
    for (String method : List.of("GET", "POST", "PUT", "PATCH")) {
      add(
          cases,
          "FACES method " + method,
          f ->
              authorized(
                  HttpRequest.newBuilder(Api.uri("/kyc/facematch/faces/" + f.ownFace))
                      .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                      .header("Content-Type", "application/json"),
                  "Bearer " + f.creator),
          NO_METHOD);
    }
    for (String path :
        List.of(
            "/kyc/facematch",
            "/kyc/facematch/",
            "/kyc/facematch/faces",
            "/kyc/nope",
            "/kyc/facematch/verify/x")) {
      add(cases, "unknown path " + path, f -> get(path, f.reader), Refusal.of(404, "NOT_FOUND"));
    }
    return cases.stream();
  }

  private static void syntax(List<Named<Case>> cases, Endpoint e) {
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    String deepArray = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
    Map<String, String> bodies =
        sorted(
            Map.entry("empty body", ""),
            Map.entry("null", "null"),
            Map.entry("array", "[]"),
            Map.entry("array of the object", "[{}]"),
            Map.entry("string", "\"text\""),
            Map.entry("number", "42"),
            Map.entry("boolean", "true"),
            Map.entry("cut short", "{\"image_format\":"),
            Map.entry("open brace", "{"),
            Map.entry("two objects", "{} {}"),
            Map.entry("trailing garbage", "{}x"),
            Map.entry("duplicate key", "{\"a\":1,\"a\":2}"),
            Map.entry("40 levels deep", deep),
            Map.entry("40 arrays deep", deepArray),
            Map.entry("comment", "/* c */ {}"),
            Map.entry("single quotes", "{'image_format':'base64'}"),
            Map.entry("NaN", "{\"threshold\":NaN}"),
            Map.entry("trailing comma", "{\"image_format\":\"base64\",}"),
            Map.entry("unquoted key", "{image_format:\"base64\"}"),
            Map.entry("empty object", "{}"),
            Map.entry("control character in string", "{\"image_format\":\"base\u000164\"}"));
    bodies.forEach(
        (name, body) ->
            add(
                cases,
                e + " " + name,
                f -> post(e, f.token(e), "application/json", body),
                BAD_BODY));
    add(
        cases,
        e + " invalid UTF-8",
        f ->
            authorized(
                HttpRequest.newBuilder(Api.uri(e.path))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            new byte[] {
                              '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                            })),
                "Bearer " + f.token(e)),
        MALFORMED);
    add(
        cases,
        e + " UTF-16 body and label",
        f ->
            authorized(
                HttpRequest.newBuilder(Api.uri(e.path))
                    .header("Content-Type", "application/json; charset=utf-16")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            ("{\"image_format\":\"base64\",\"image\":\""
                                    + "A".repeat(120 * 1024)
                                    + "\"}")
                                .getBytes(StandardCharsets.UTF_16))),
                "Bearer " + f.token(e)),
        MALFORMED);
    add(
        cases,
        e + " UTF-8 body labelled UTF-16",
        f -> post(e, f.token(e), "application/json; charset=utf-16", body(f, e)),
        MALFORMED);
    add(
        cases,
        e + " byte order mark",
        f -> post(e, f.token(e), "application/json", "\uFEFF{}"),
        BAD_BODY);
  }

  private static void mediaTypes(List<Named<Case>> cases, Endpoint e) {
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "image/jpeg",
            "application/problem+json")) {
      add(
          cases,
          e + " Content-Type " + type,
          f -> post(e, f.token(e), type, body(f, e)),
          MEDIA_TYPE);
    }
    add(
        cases,
        e + " no Content-Type",
        f ->
            authorized(
                HttpRequest.newBuilder(Api.uri(e.path))
                    .POST(HttpRequest.BodyPublishers.ofString(body(f, e))),
                "Bearer " + f.token(e)),
        MEDIA_TYPE);
  }

  private static void methods(List<Named<Case>> cases, Endpoint e) {
    for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
      add(
          cases,
          e + " method " + method,
          f ->
              authorized(
                  HttpRequest.newBuilder(Api.uri(e.path))
                      .method(method, HttpRequest.BodyPublishers.ofString(body(f, e)))
                      .header("Content-Type", "application/json"),
                  "Bearer " + f.token(e)),
          NO_METHOD);
    }
  }

  private static void accept(
      List<Named<Case>> cases, String name, Function<Fixture, HttpRequest.Builder> request) {
    for (String accept : List.of("text/html", "image/png", "application/xml")) {
      add(
          cases,
          name + " Accept " + accept,
          f -> request.apply(f).header("Accept", accept),
          NOT_ACCEPTABLE);
    }
  }

  interface Authorized {
    HttpRequest.Builder with(Fixture fixture, String authorization);
  }

  /** Requests with the given Authorization header value, or none for {@code null}. */
  private static void tokens(List<Named<Case>> cases, String name, Authorized request, Endpoint e) {
    Map<String, Function<Fixture, String>> unauthenticated =
        sorted(
            Map.entry("no token", f -> null),
            Map.entry("empty bearer", f -> "Bearer "),
            Map.entry("garbage bearer", f -> "Bearer not.a.token"),
            Map.entry("basic credentials", f -> "Basic dXNlcjpwYXNz"),
            Map.entry("expired", f -> bearer(token(f, e).expires(Instant.now().minusSeconds(120)))),
            Map.entry(
                "not yet valid",
                f -> bearer(token(f, e).notBefore(Instant.now().plus(Duration.ofHours(1))))),
            Map.entry(
                "issued tomorrow",
                f -> bearer(token(f, e).issuedAt(Instant.now().plus(Duration.ofDays(1))))),
            Map.entry("other issuer", f -> bearer(token(f, e).issuer("https://evil.example"))),
            Map.entry("other audience", f -> bearer(token(f, e).audience("someone-else"))),
            Map.entry("alg none", f -> bearer(token(f, e).unsigned())),
            Map.entry(
                "signed by another key",
                f ->
                    "Bearer "
                        + Tokens.signedWith(DevKeys.untrustedKey())
                            .tenant(f.tenant)
                            .groups(e.permission)
                            .expires(Instant.now().plusSeconds(600))
                            .mint()),
            Map.entry(
                "no tenant claim",
                f -> "Bearer " + TestTenants.token(f.tenant, e.permission).tenant(null).mint()),
            Map.entry(
                "tampered payload",
                f -> {
                  String[] parts = TestTenants.token(f.tenant, e.permission).mint().split("\\.");
                  String payload =
                      new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                          .replace(f.tenant, f.foreignTenant);
                  return "Bearer "
                      + parts[0]
                      + "."
                      + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                      + "."
                      + parts[2];
                }));
    unauthenticated.forEach(
        (what, authorization) ->
            add(
                cases,
                name + " " + what,
                f -> request.with(f, authorization.apply(f)),
                UNAUTHENTICATED));
    add(
        cases,
        name + " without the permission",
        f -> request.with(f, "Bearer " + TestTenants.token(f.tenant, "kyc:nothing").mint()),
        DENIED);
    add(
        cases,
        name + " of a disabled tenant",
        f ->
            request.with(
                f, "Bearer " + TestTenants.token(TestTenants.disabled(), e.permission).mint()),
        DISABLED);
    add(
        cases,
        name + " of an unknown tenant",
        f ->
            request.with(
                f, "Bearer " + TestTenants.token(TestTenants.unknown(), e.permission).mint()),
        DISABLED);
  }

  private static Tokens token(Fixture f, Endpoint e) {
    return TestTenants.token(f.tenant, e.permission);
  }

  private static String bearer(Tokens token) {
    return "Bearer " + token.mint();
  }

  private static void wrongTypes(List<Named<Case>> cases, Endpoint e) {
    List<String> fields =
        switch (e) {
          case VERIFY -> List.of("image_format", "source_image", "target_image", "threshold");
          case SEARCH -> List.of("image_format", "image", "max_results", "threshold", "session_id");
          case REGISTER -> List.of("image_format", "image", "session_id", "metadata");
          case REGISTER_BATCH -> List.of("items");
          case BLACKLIST -> List.of("face_id", "reason");
          case UPLOAD_URL -> List.of("content_type", "file_name", "expires_in");
        };
    Map<String, JsonValue> wrong =
        sorted(
            Map.entry("a number", (JsonValue) Json.createValue(42)),
            Map.entry("true", JsonValue.TRUE),
            Map.entry("an array", JsonValue.EMPTY_JSON_ARRAY),
            Map.entry("an object", JsonValue.EMPTY_JSON_OBJECT),
            Map.entry("a string", (JsonValue) Json.createValue("x1")));
    for (String field : fields) {
      wrong.forEach(
          (what, value) -> {
            boolean sameType =
                (what.equals("a string")
                        && !Set.of("threshold", "max_results", "expires_in", "metadata")
                            .contains(field))
                    || (what.equals("an object") && field.equals("metadata"))
                    || (what.equals("an array") && field.equals("items"))
                    || (what.equals("a number")
                        && Set.of("threshold", "max_results", "expires_in").contains(field));
            if (sameType) {
              return;
            }
            add(
                cases,
                e + " " + field + " is " + what,
                f ->
                    post(
                        e,
                        f.token(e),
                        "application/json",
                        e.body(f).add(field, value).build().toString()),
                BAD_BODY);
          });
    }
  }

  private static void images(List<Named<Case>> cases, Endpoint e) {
    byte[] jpeg = Photos.person(Photos.PERSON_A);
    Map<String, String> images =
        sorted(
            Map.entry("empty image", ""),
            Map.entry("not base64", "%%%not base64%%%"),
            Map.entry("base64 of text", b64("plain text, no image".getBytes())),
            Map.entry("half a JPEG", b64(Arrays.copyOf(jpeg, jpeg.length / 2))),
            Map.entry("a JPEG's first 10 bytes", b64(Arrays.copyOf(jpeg, 10))),
            Map.entry(
                "a PNG signature only",
                b64(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})),
            Map.entry(
                "a GIF",
                b64(
                    "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"
                        .getBytes(StandardCharsets.ISO_8859_1))),
            Map.entry("a BMP header", b64(Arrays.copyOf("BM".getBytes(), 54))),
            Map.entry("6 MB of zeros", b64(new byte[6 * 1024 * 1024])),
            Map.entry("a photo without a face", b64(Photos.noFace())),
            Map.entry("a pixel bomb", b64(pixelBomb())),
            Map.entry("a data URL of garbage", "data:image/jpeg;base64,AAAA"),
            Map.entry("a zero byte", b64(new byte[] {0})),
            Map.entry(
                "base64 with spaces inside",
                b64(jpeg).substring(0, 100) + "    " + b64(jpeg).substring(100, 200)));
    images.forEach(
        (name, image) ->
            add(
                cases,
                e + " " + e.imageField() + " is " + name,
                f ->
                    post(
                        e,
                        f.token(e),
                        "application/json",
                        e.body(f).add(e.imageField(), image).build().toString()),
                BAD_IMAGE));
    for (String format : List.of("BASE64", "png", "", "s3 ", "url")) {
      add(
          cases,
          e + " image_format '" + format + "'",
          f ->
              post(
                  e,
                  f.token(e),
                  "application/json",
                  e.body(f).add("image_format", format).build().toString()),
          INVALID);
    }
  }

  private static void s3Uris(List<Named<Case>> cases, Endpoint e) {
    Map<String, Function<Fixture, String>> uris =
        sorted(
            Map.entry(
                "another tenant's upload",
                f -> "s3://facematch/tenants/" + f.foreignTenant + "/uploads/x.jpg"),
            Map.entry(
                "another tenant's face image",
                f ->
                    "s3://facematch/tenants/"
                        + f.foreignTenant
                        + "/faces/"
                        + f.foreignFace
                        + ".jpg"),
            Map.entry(
                "another bucket", f -> "s3://other-bucket/tenants/" + f.tenant + "/uploads/x.jpg"),
            Map.entry("an http URL", f -> "http://169.254.169.254/latest/meta-data/"),
            Map.entry("a file URL", f -> "file:///etc/passwd"),
            Map.entry(
                "a path escaping the prefix",
                f ->
                    "s3://facematch/tenants/"
                        + f.tenant
                        + "/uploads/../../"
                        + f.foreignTenant
                        + "/faces/x.jpg"),
            Map.entry(
                "a NUL byte", f -> "s3://facematch/tenants/" + f.tenant + "/uploads/a\u0000.jpg"),
            Map.entry(
                "a 5000-character key",
                f -> "s3://facematch/tenants/" + f.tenant + "/uploads/" + "k".repeat(5000)),
            Map.entry("non-ASCII", f -> "s3://facematch/tenants/" + f.tenant + "/uploads/ü.jpg"),
            Map.entry("empty", f -> ""),
            Map.entry(
                "a missing object",
                f ->
                    "s3://facematch/tenants/"
                        + f.tenant
                        + "/uploads/missing-"
                        + UUID.randomUUID()
                        + ".jpg"),
            Map.entry("s3:// alone", f -> "s3://"));
    uris.forEach(
        (name, uri) ->
            add(
                cases,
                e + " s3_uri is " + name,
                f ->
                    post(
                        e,
                        f.token(e),
                        "application/json",
                        e.body(f)
                            .add("image_format", "s3")
                            .add(e.imageField(), uri.apply(f))
                            .build()
                            .toString()),
                OWN_PREFIX.contains(name)
                    ? Refusal.of(400, "INVALID_PARAMETER", "IMAGE_NOT_FOUND", "INVALID_IMAGE")
                    : DENIED));
  }

  /** s3_uris in the caller's own prefix, or none at all: a 400; any other is never read (403). */
  private static final Set<String> OWN_PREFIX =
      Set.of("a NUL byte", "a 5000-character key", "non-ASCII", "empty", "a missing object");

  private static void bounds(List<Named<Case>> cases) {
    Map<String, Object[]> values =
        sorted(
            Map.entry(
                "VERIFY threshold -0.1",
                new Object[] {Endpoint.VERIFY, "threshold", Json.createValue(-0.1)}),
            Map.entry(
                "VERIFY threshold 1.1",
                new Object[] {Endpoint.VERIFY, "threshold", Json.createValue(1.1)}),
            Map.entry(
                "VERIFY threshold 1e308",
                new Object[] {Endpoint.VERIFY, "threshold", Json.createValue(1e308)}),
            Map.entry(
                "SEARCH threshold 2",
                new Object[] {Endpoint.SEARCH, "threshold", Json.createValue(2)}),
            Map.entry(
                "SEARCH max_results 0",
                new Object[] {Endpoint.SEARCH, "max_results", Json.createValue(0)}),
            Map.entry(
                "SEARCH max_results 101",
                new Object[] {Endpoint.SEARCH, "max_results", Json.createValue(101)}),
            Map.entry(
                "SEARCH max_results -1",
                new Object[] {Endpoint.SEARCH, "max_results", Json.createValue(-1)}),
            Map.entry(
                "SEARCH max_results 2^31",
                new Object[] {Endpoint.SEARCH, "max_results", Json.createValue(2147483648L)}),
            Map.entry(
                "SEARCH max_results 2.5",
                new Object[] {Endpoint.SEARCH, "max_results", Json.createValue(2.5)}),
            Map.entry(
                "UPLOAD_URL expires_in 0",
                new Object[] {Endpoint.UPLOAD_URL, "expires_in", Json.createValue(0)}),
            Map.entry(
                "UPLOAD_URL expires_in 3601",
                new Object[] {Endpoint.UPLOAD_URL, "expires_in", Json.createValue(3601)}),
            Map.entry(
                "UPLOAD_URL expires_in -5",
                new Object[] {Endpoint.UPLOAD_URL, "expires_in", Json.createValue(-5)}),
            Map.entry(
                "UPLOAD_URL content_type image/gif",
                new Object[] {Endpoint.UPLOAD_URL, "content_type", Json.createValue("image/gif")}),
            Map.entry(
                "UPLOAD_URL content_type empty",
                new Object[] {Endpoint.UPLOAD_URL, "content_type", Json.createValue("")}),
            Map.entry(
                "UPLOAD_URL content_type with CRLF",
                new Object[] {
                  Endpoint.UPLOAD_URL, "content_type", Json.createValue("image/jpeg\r\nX-Evil: 1")
                }),
            Map.entry(
                "UPLOAD_URL file_name 256 characters",
                new Object[] {Endpoint.UPLOAD_URL, "file_name", Json.createValue("f".repeat(256))}),
            Map.entry(
                "BLACKLIST reason empty",
                new Object[] {Endpoint.BLACKLIST, "reason", Json.createValue("")}),
            Map.entry(
                "BLACKLIST reason 501 characters",
                new Object[] {Endpoint.BLACKLIST, "reason", Json.createValue("r".repeat(501))}),
            Map.entry(
                "REGISTER session_id empty",
                new Object[] {Endpoint.REGISTER, "session_id", Json.createValue("")}),
            Map.entry(
                "REGISTER session_id with spaces",
                new Object[] {Endpoint.REGISTER, "session_id", Json.createValue("bad id!")}),
            Map.entry(
                "REGISTER session_id 129 characters",
                new Object[] {Endpoint.REGISTER, "session_id", Json.createValue("s".repeat(129))}),
            Map.entry(
                "REGISTER session_id with NUL",
                new Object[] {Endpoint.REGISTER, "session_id", Json.createValue("s\u0000")}),
            Map.entry(
                "REGISTER metadata 17 levels deep",
                new Object[] {Endpoint.REGISTER, "metadata", nested(17)}),
            Map.entry(
                "REGISTER metadata over 4096 characters",
                new Object[] {
                  Endpoint.REGISTER,
                  "metadata",
                  Json.createObjectBuilder().add("k", "v".repeat(5000)).build()
                }));
    values.forEach(
        (name, v) -> {
          Endpoint e = (Endpoint) v[0];
          add(
              cases,
              name,
              f ->
                  post(
                      e,
                      f.token(e),
                      "application/json",
                      e.body(f).add((String) v[1], (JsonValue) v[2]).build().toString()),
              name.contains("2^31") || name.contains("2.5") ? MALFORMED : INVALID);
        });
    for (String missing : List.of("image_format", "source_image", "target_image")) {
      add(
          cases,
          "VERIFY without " + missing,
          f ->
              post(
                  Endpoint.VERIFY,
                  f.reader,
                  "application/json",
                  without(Endpoint.VERIFY.body(f).build(), missing)),
          INVALID);
    }
    for (String missing : List.of("face_id", "reason")) {
      add(
          cases,
          "BLACKLIST without " + missing,
          f ->
              post(
                  Endpoint.BLACKLIST,
                  f.creator,
                  "application/json",
                  without(Endpoint.BLACKLIST.body(f).build(), missing)),
          INVALID);
    }
    add(
        cases,
        "UPLOAD_URL without content_type",
        f -> post(Endpoint.UPLOAD_URL, f.creator, "application/json", "{\"file_name\":\"a.jpg\"}"),
        INVALID);
    add(
        cases,
        "REGISTER without session_id",
        f ->
            post(
                Endpoint.REGISTER,
                f.creator,
                "application/json",
                without(Endpoint.REGISTER.body(f).build(), "session_id")),
        INVALID);
  }

  private static void ids(List<Named<Case>> cases) {
    Map<String, Function<Fixture, String>> ids =
        sorted(
            Map.entry("unknown", f -> UUID.randomUUID().toString()),
            Map.entry("malformed", f -> "not-a-face-id"),
            Map.entry("another tenant's", f -> f.foreignFace),
            Map.entry("1000 characters long", f -> "x".repeat(1000)),
            Map.entry("upper-case", f -> f.ownFace.toUpperCase()),
            Map.entry("dot segments", f -> "%2e%2e"));
    ids.forEach(
        (name, id) -> {
          add(
              cases,
              "DELETE a face id " + name,
              f ->
                  authorized(
                      HttpRequest.newBuilder(Api.uri("/kyc/facematch/faces/" + id.apply(f)))
                          .DELETE(),
                      "Bearer " + f.creator),
              NOT_FOUND);
          add(
              cases,
              "BLACKLIST a face id " + name,
              f ->
                  post(
                      Endpoint.BLACKLIST,
                      f.creator,
                      "application/json",
                      Endpoint.BLACKLIST.body(f).add("face_id", id.apply(f)).build().toString()),
              NOT_FOUND);
        });
  }

  @SafeVarargs
  private static <V> Map<String, V> sorted(Map.Entry<String, V>... entries) {
    return new java.util.TreeMap<>(Map.ofEntries(entries));
  }

  private static void add(
      List<Named<Case>> cases,
      String name,
      Function<Fixture, HttpRequest.Builder> request,
      Refusal expected) {
    cases.add(Named.of(name, new Case(name, request, expected)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAsTheClientsMistake(Case badRequest) {
    Fixture f = fixture();
    long begin = System.nanoTime();
    Api.Reply reply = Api.send(badRequest.request().apply(f));
    Duration took = Duration.ofNanos(System.nanoTime() - begin);

    assertThat(reply.status())
        .as(badRequest.name() + ": " + reply.body())
        .isEqualTo(badRequest.expected().status());
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonObject problem = reply.json();
    assertThat(badRequest.expected().codes())
        .as(badRequest.name())
        .contains(problem.getString("code"));
    assertThat(Arrays.stream(Problem.values()).map(Problem::code))
        .contains(problem.getString("code"));
    assertThat(reply.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("<html");
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void thereAreAtLeast300Cases() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(300);
  }

  @AfterAll
  static void storedDataIsUnchanged() {
    if (fixture != null) {
      assertThat(fixture.snapshot()).isEqualTo(fixture.before);
    }
  }

  private static HttpRequest.Builder post(Endpoint e, String token, String type, String body) {
    return authorized(
        HttpRequest.newBuilder(Api.uri(e.path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        token == null ? null : "Bearer " + token);
  }

  private static HttpRequest.Builder get(String path, String token) {
    return authorized(HttpRequest.newBuilder(Api.uri(path)).GET(), "Bearer " + token);
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String authorization) {
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  private static String body(Fixture f, Endpoint e) {
    return e.body(f).build().toString();
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String without(JsonObject body, String field) {
    JsonObjectBuilder copy = Json.createObjectBuilder(body);
    copy.remove(field);
    return copy.build().toString();
  }

  private static JsonValue nested(int depth) {
    JsonValue value = Json.createValue("leaf");
    for (int i = 0; i < depth; i++) {
      value = Json.createObjectBuilder().add("n", value).build();
    }
    return value;
  }

  /** A PNG header declaring 100,000 × 100,000 pixels. */
  private static byte[] pixelBomb() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(25);
    ihdr.putInt(13).put("IHDR".getBytes()).putInt(100_000).putInt(100_000);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(ihdr.array(), 4, 17);
    ihdr.putInt((int) crc.getValue());
    out.writeBytes(ihdr.array());
    return out.toByteArray();
  }
}
