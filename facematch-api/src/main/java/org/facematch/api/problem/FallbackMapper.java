package org.facematch.api.problem;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.UUID;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;

/**
 * Everything no other mapper claimed. Unwraps container wrappers around known failures; anything
 * else is a 500 whose body carries only a trace id that also appears in the server log.
 */
@Provider
public class FallbackMapper implements ExceptionMapper<Throwable> {

  private static final System.Logger LOGGER = System.getLogger(FallbackMapper.class.getName());

  @Context UriInfo uriInfo;
  @Context SecurityContext securityContext;

  @Override
  public Response toResponse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FaceMatchException known) {
        return problem(known.problem(), known.detail());
      }
      if (t instanceof EJBAccessException || t instanceof AccessLocalException) {
        return problem(Problem.PERMISSION_DENIED, "The caller lacks the permission for this");
      }
      if (t instanceof JsonbException || t instanceof JsonParsingException) {
        return problem(
            Problem.MALFORMED_REQUEST, "The request body is not valid JSON of the expected shape");
      }
      // A database outage anywhere is a 503 the client may retry; the class is named, not
      // imported, because the API module stays clear of JPA.
      if (t instanceof java.sql.SQLException
          || t.getClass().getName().startsWith("jakarta.persistence.")) {
        String traceId = UUID.randomUUID().toString();
        LOGGER.log(Level.ERROR, "Database failure, trace id " + traceId + ": " + t.getMessage());
        return problem(
            Problem.STORAGE_UNAVAILABLE,
            "The database is not available; nothing was changed. Retry; trace id " + traceId);
      }
      if (t instanceof WebApplicationException wae) {
        return WebApplicationExceptionMapper.render(wae, uriInfo, securityContext);
      }
      if (!(t instanceof EJBException
          || t instanceof ProcessingException
          || t instanceof jakarta.transaction.RollbackException)) {
        break;
      }
    }
    String traceId = UUID.randomUUID().toString();
    LOGGER.log(Level.ERROR, "Unexpected failure, trace id " + traceId, e);
    return problem(Problem.INTERNAL_ERROR, "Unexpected failure; quote trace id " + traceId);
  }

  private Response problem(Problem problem, String detail) {
    return ProblemResponses.response(problem, detail, uriInfo.getRequestUri().getRawPath());
  }
}
