package org.facematch.api.problem;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.facematch.api.audit.CallAuditFilter;
import org.facematch.api.audit.Endpoints;
import org.facematch.api.audit.RequestIds;
import org.facematch.audit.boundary.AuditLog;
import org.facematch.audit.boundary.RequestAudit;
import org.facematch.audit.entity.AuditRecord;
import org.facematch.audit.entity.Operation;
import org.facematch.kernel.entity.Problem;

/**
 * Error page for failures the container answers before JAX-RS sees the request: rejected tokens,
 * unknown paths outside the API, uncaught errors. Replaces the container's HTML page with the same
 * problem+json the API uses.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  static final String PATH = "/container-error";
  private static final System.Logger LOGGER =
      System.getLogger(ContainerErrorServlet.class.getName());

  @Inject AuditLog log;
  @Inject RequestAudit audit;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Problem problem = problemFor(status, request);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String instance = uri != null ? uri.toString() : request.getRequestURI();

    // An error dispatch of a request JAX-RS already audited (its answer could not be written) keeps
    // that event.
    String requestId =
        audit.requestId() != null
            ? audit.requestId()
            : RequestIds.of(request.getHeader(CallAuditFilter.REQUEST_ID));
    if (instance.startsWith("/kyc/") && !audit.isWritten()) {
      audited(requestId, Endpoints.operation(request.getMethod(), instance), problem);
    }
    response.resetBuffer();
    response.setHeader(CallAuditFilter.REQUEST_ID, requestId);
    response.setStatus(problem.status());
    response.setContentType(ProblemResponses.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (problem == Problem.UNAUTHENTICATED) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response
        .getWriter()
        .write(ProblemResponses.body(problem, detailFor(problem), instance).toString());
  }

  /** Refusals before JAX-RS (a token the container rejected) are audited like any other call. */
  private void audited(String requestId, Operation operation, Problem problem) {
    try {
      log.writeAlone(
          new AuditRecord(
              requestId,
              null,
              null,
              operation.code(),
              problem.code(),
              List.of(),
              null,
              null,
              null));
      audit.markWritten();
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.ERROR, "Could not audit request " + requestId, e);
    }
  }

  private static Problem problemFor(int status, HttpServletRequest request) {
    return switch (status) {
      case 400 -> Problem.MALFORMED_REQUEST;
      case 401 -> Problem.UNAUTHENTICATED;
      case 403 ->
          request.getUserPrincipal() == null ? Problem.UNAUTHENTICATED : Problem.PERMISSION_DENIED;
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
