package org.facematch.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A plain HTTP client for the deployed service, as an integrating back end would use it. */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Api() {}

  public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }
  }

  public static URI uri(String path) {
    return uri(TestStack.get().payara().baseUri(), path);
  }

  static URI uri(URI base, String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** Another node of the cluster, called the same way. */
  public record Node(URI base) {
    public Reply get(String path, String token) {
      return send(authorized(HttpRequest.newBuilder(uri(base, path)).GET(), token));
    }

    public Reply postJson(String path, String token, String json) {
      return send(
          authorized(
              HttpRequest.newBuilder(uri(base, path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json)),
              token));
    }

    public Reply delete(String path, String token) {
      return send(authorized(HttpRequest.newBuilder(uri(base, path)).DELETE(), token));
    }
  }

  public static Reply get(String path, String token) {
    return send(authorized(HttpRequest.newBuilder(uri(path)).GET(), token));
  }

  public static Reply post(String path, String token, String contentType, String body) {
    var request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(authorized(request, token));
  }

  public static Reply postJson(String path, String token, String json) {
    return post(path, token, "application/json", json);
  }

  /**
   * Sends the request and checks the answer against the served OpenAPI document: a test that gets
   * an answer the document does not describe fails there.
   */
  public static Reply send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
    Reply reply = exchange(built);
    Contract.served(() -> exchange(HttpRequest.newBuilder(uri("/openapi?format=json")).build()))
        .check(built, reply);
    return reply;
  }

  private static Reply exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }
}
