package org.facematch.audit.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.facematch.audit.control.AuditChains;
import org.facematch.audit.entity.AuditRecord;
import org.facematch.audit.entity.AuditedOutcome;
import org.facematch.audit.entity.Operation;
import org.facematch.kernel.entity.Access;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.kernel.entity.TenantId;

/**
 * The guard of every boundary operation, written once: checks the caller's {@link Access}, runs the
 * operation, and records it. A success is written in the operation's own transaction, so the event
 * commits or rolls back with what it describes; a failure is written in a transaction of its own
 * with the problem code it ended with, since the operation's transaction rolls back.
 */
@Audited(Operation.UNKNOWN)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

  private static final System.Logger LOGGER = System.getLogger(AuditInterceptor.class.getName());

  @Inject AuditLog log;
  @Inject AuditChains chains;
  @Inject RequestAudit request;
  @Inject BeanManager beans;

  @AroundInvoke
  Object guard(InvocationContext invocation) throws Exception {
    Operation operation = operationOf(invocation);
    Caller caller = argument(invocation, Caller.class).orElse(null);
    TenantId target = argument(invocation, TenantId.class).orElse(null);
    long begin = System.nanoTime();
    chains.enter();
    boolean left = false;
    try {
      if (caller == null) {
        if (operation.access() != Access.ANYONE) {
          throw new IllegalStateException(
              invocation.getMethod() + " performs " + operation + " without a Caller");
        }
      } else {
        operation.access().check(caller, target);
      }
      Object result = invocation.proceed();
      if (operation.audited()) {
        log.write(record(operation, caller, target, AuditRecord.OK, result, begin));
        written();
      }
      left = true;
      chains.leave();
      return result;
    } catch (Exception e) {
      if (operation.audited()) {
        try {
          log.writeAlone(record(operation, caller, target, outcomeOf(e), null, begin));
          written();
        } catch (RuntimeException auditFailure) {
          LOGGER.log(
              Level.ERROR, "Could not audit the failed " + operation.code() + ": " + auditFailure);
        }
      }
      throw e;
    } finally {
      if (!left) {
        chains.abandon();
      }
    }
  }

  private AuditRecord record(
      Operation operation,
      Caller caller,
      TenantId target,
      String outcome,
      Object result,
      long begin) {
    AuditedOutcome facts = result instanceof AuditedOutcome o ? o : new AuditedOutcome() {};
    String tenant =
        facts
            .auditedTenant()
            .orElse(
                target != null
                    ? target.value()
                    : caller != null && caller.tenant() != null ? caller.tenant().value() : null);
    return new AuditRecord(
        requestId(),
        tenant,
        caller == null ? null : caller.name(),
        operation.code(),
        outcome,
        List.copyOf(facts.auditedFaceIds()),
        facts.auditedSimilarity().orElse(null),
        (int) ((System.nanoTime() - begin) / 1_000_000),
        facts.auditedDetails().orElse(null));
  }

  /** The problem code a failure ends with, as the API will answer it. */
  static String outcomeOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FaceMatchException known) {
        return known.problem().code();
      }
      if (t instanceof EJBAccessException) {
        return Problem.PERMISSION_DENIED.code();
      }
      if (t instanceof java.sql.SQLException
          || t.getClass().getName().startsWith("jakarta.persistence.")) {
        return Problem.STORAGE_UNAVAILABLE.code();
      }
    }
    return Problem.INTERNAL_ERROR.code();
  }

  private static Operation operationOf(InvocationContext invocation) {
    Audited audited = invocation.getMethod().getAnnotation(Audited.class);
    if (audited == null) {
      audited = invocation.getMethod().getDeclaringClass().getAnnotation(Audited.class);
    }
    if (audited == null) {
      throw new IllegalStateException(invocation.getMethod() + " names no operation");
    }
    return audited.value();
  }

  private static <T> Optional<T> argument(InvocationContext invocation, Class<T> type) {
    return Arrays.stream(invocation.getParameters())
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst();
  }

  /** Background work in the console runs outside any HTTP request. */
  private boolean inRequest() {
    try {
      return beans.getContext(RequestScoped.class).isActive();
    } catch (ContextNotActiveException e) {
      return false;
    }
  }

  private String requestId() {
    return inRequest() ? request.requestId() : null;
  }

  private void written() {
    if (inRequest()) {
      request.markWritten();
    }
  }
}
