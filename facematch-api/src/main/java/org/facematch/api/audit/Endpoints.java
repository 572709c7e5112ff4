package org.facematch.api.audit;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.facematch.api.Performs;
import org.facematch.api.blacklist.BlacklistResource;
import org.facematch.api.collection.CollectionsResource;
import org.facematch.api.collection.FacesResource;
import org.facematch.api.collection.SessionsResource;
import org.facematch.api.matching.MatchesResource;
import org.facematch.api.upload.UploadUrlsResource;
import org.facematch.audit.entity.Operation;

/**
 * The API's endpoints as method and path pattern, read from the resources' own annotations, so a
 * request the container refused before JAX-RS (a rejected token) is filed under the operation it
 * asked for, never under the raw path the client sent.
 */
public final class Endpoints {

  static final String APPLICATION_PATH = "/kyc/";
  static final List<Class<?>> RESOURCES =
      List.of(
          MatchesResource.class,
          FacesResource.class,
          SessionsResource.class,
          CollectionsResource.class,
          BlacklistResource.class,
          UploadUrlsResource.class);

  /**
   * @param template the path as declared, e.g. {@code /kyc/facematch/faces/{face_id}}
   */
  public record Endpoint(String method, String template, Pattern path, Operation operation) {}

  private static final List<Endpoint> ENDPOINTS = read();

  private Endpoints() {}

  /** Every endpoint of the API, as its resources declare it. */
  public static List<Endpoint> all() {
    return ENDPOINTS;
  }

  /**
   * The operation an HTTP method and request path ask for; {@link Operation#UNKNOWN} for anything
   * else.
   */
  public static Operation operation(String method, String path) {
    return ENDPOINTS.stream()
        .filter(e -> e.method().equals(method) && e.path().matcher(path).matches())
        .map(Endpoint::operation)
        .findFirst()
        .orElse(Operation.UNKNOWN);
  }

  private static List<Endpoint> read() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Class<?> resource : RESOURCES) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method m : resource.getMethods()) {
        Performs performs = m.getAnnotation(Performs.class);
        Optional<String> http =
            Arrays.stream(m.getAnnotations())
                .map(Endpoints::httpMethod)
                .flatMap(Optional::stream)
                .findFirst();
        if (performs != null && http.isPresent()) {
          String sub =
              m.isAnnotationPresent(Path.class) ? "/" + m.getAnnotation(Path.class).value() : "";
          String template = (APPLICATION_PATH + base + sub).replaceAll("/+", "/");
          endpoints.add(
              new Endpoint(
                  http.get(),
                  template,
                  Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")),
                  performs.value()));
        }
      }
    }
    return List.copyOf(endpoints);
  }

  private static Optional<String> httpMethod(Annotation annotation) {
    return Optional.ofNullable(annotation.annotationType().getAnnotation(HttpMethod.class))
        .map(HttpMethod::value);
  }
}
