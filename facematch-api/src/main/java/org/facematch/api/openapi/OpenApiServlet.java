package org.facematch.api.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Serves the API's OpenAPI document at {@code /openapi}, where MicroProfile OpenAPI puts it: YAML
 * by default, JSON for {@code Accept: application/json} or {@code ?format=json}.
 *
 * <p>The document is written by hand next to the resources and checked against every response the
 * container tests receive. Payara's generated one is switched off: it cannot express snake_case
 * names, nullability or the problem responses the API really gives.
 */
@WebServlet(urlPatterns = "/openapi", loadOnStartup = 1)
public class OpenApiServlet extends HttpServlet {

  static final String SOURCE = "/org/facematch/api/openapi/openapi.yaml";

  private String yaml;
  private String json;

  @Override
  public void init() {
    ObjectNode document =
        withServer(
            read(),
            ConfigProvider.getConfig().getOptionalValue("facematch.api.public-url", String.class));
    try {
      json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
      yaml =
          new ObjectMapper(
                  YAMLFactory.builder()
                      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                      .build())
              .writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean asJson = wantsJson(request.getParameter("format"), request.getHeader("Accept"));
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(asJson ? "application/json" : "application/yaml");
    response.getWriter().write(asJson ? json : yaml);
  }

  static boolean wantsJson(String format, String accept) {
    if (format != null) {
      return format.equalsIgnoreCase("json");
    }
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("json");
  }

  static ObjectNode read() {
    try (InputStream in = OpenApiServlet.class.getResourceAsStream(SOURCE)) {
      return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The one server entry: the operator's public URL when set, else {@code /}, which a client
   * resolves against wherever it fetched the document, so a proxy in front changes nothing.
   */
  static ObjectNode withServer(ObjectNode document, Optional<String> publicUrl) {
    publicUrl
        .map(url -> url.replaceAll("/+$", ""))
        .filter(url -> !url.isBlank())
        .ifPresent(
            url -> {
              ObjectNode server = document.putArray("servers").addObject();
              server.put("url", url);
              server.put("description", "FaceMatch");
            });
    return document;
  }
}
