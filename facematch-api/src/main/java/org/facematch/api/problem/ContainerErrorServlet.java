package org.facematch.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.facematch.problem.entity.Problem;

/**
 * Error page for failures the container answers before JAX-RS sees the request: rejected tokens,
 * unknown paths outside the API, uncaught errors. Replaces the container's HTML page with the same
 * problem+json the API uses.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  static final String PATH = "/container-error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Problem problem = problemFor(status, request);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String instance = uri != null ? uri.toString() : request.getRequestURI();
    URI base =
        URI.create(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());

    response.resetBuffer();
    response.setStatus(problem.status());
    response.setContentType(ProblemResponses.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (problem == Problem.UNAUTHENTICATED) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response.getWriter().write(ProblemResponses.body(problem, detailFor(problem), base, instance).toString());
  }

  private static Problem problemFor(int status, HttpServletRequest request) {
    return switch (status) {
      case 400 -> Problem.MALFORMED_REQUEST;
      case 401 -> Problem.UNAUTHENTICATED;
      case 403 -> request.getUserPrincipal() == null ? Problem.UNAUTHENTICATED : Problem.PERMISSION_DENIED;
      case 404 -> Problem.NOT_FOUND;
      case 405 -> Problem.METHOD_NOT_ALLOWED;
      case 406 -> Problem.NOT_ACCEPTABLE;
      case 415 -> Problem.UNSUPPORTED_MEDIA_TYPE;
      default -> Problem.INTERNAL_ERROR;
    };
  }

  private static String detailFor(Problem problem) {
    return switch (problem) {
      case UNAUTHENTICATED -> "A valid bearer token is required";
      case NOT_FOUND -> "No resource at this path";
      case INTERNAL_ERROR -> "Unexpected failure";
      default -> null;
    };
  }
}
