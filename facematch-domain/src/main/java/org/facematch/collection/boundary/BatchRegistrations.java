package org.facematch.collection.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.facematch.audit.boundary.Audited;
import org.facematch.audit.boundary.RequestAudit;
import org.facematch.audit.entity.Operation;
import org.facematch.collection.entity.BatchItem;
import org.facematch.collection.entity.BatchOutcome;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.FaceMatchException;
import org.facematch.kernel.entity.Problem;
import org.facematch.ratelimit.boundary.RateLimits;
import org.facematch.ratelimit.entity.Admission;

/**
 * Registers several faces in one call, for onboarding many users at once. Each item is a
 * registration of its own, with every rule of one: its own transaction, the session's limit, its
 * own audit event under the batch's request id, and its own place in the tenant's register quota
 * (the call itself counts for the first item). Items run side by side on the server's managed
 * threads, so a batch keeps the engine busy; one item's failure is that item's answer alone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchRegistrations {

  public static final int MAX_ITEMS = 50;
  private static final System.Logger LOGGER = System.getLogger(BatchRegistrations.class.getName());

  @Inject FaceCollections collections;
  @Inject RateLimits rateLimits;
  @Inject RequestAudit requestAudit;
  @Inject RequestContextController requestContext;

  @Resource ManagedExecutorService executor;

  @Audited(Operation.REGISTER_BATCH)
  public BatchOutcome register(Caller caller, List<BatchItem> items) {
    caller.enabledSettings(); // a disabled tenant is refused before any item runs
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      throw new FaceMatchException(
          Problem.INVALID_PARAMETER, "items must hold 1 to " + MAX_ITEMS + " registrations");
    }
    String requestId = requestAudit.requestId();
    List<Future<BatchOutcome.Item>> running = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      int index = i;
      BatchItem item = items.get(i);
      running.add(executor.submit(() -> inRequest(requestId, () -> one(caller, index, item))));
    }
    List<BatchOutcome.Item> outcomes = new ArrayList<>();
    for (Future<BatchOutcome.Item> item : running) {
      outcomes.add(await(item));
    }
    return new BatchOutcome(List.copyOf(outcomes));
  }

  private BatchOutcome.Item one(Caller caller, int index, BatchItem item) {
    if (item.refused() != null) {
      return new BatchOutcome.Item(index, null, item.refused());
    }
    try {
      if (index > 0) {
        Admission admission = rateLimits.admit(caller.tenant(), Operation.REGISTER);
        if (!admission.admitted()) {
          throw RateLimits.refusal(admission);
        }
      }
      return new BatchOutcome.Item(
          index,
          collections.register(caller, item.sessionId(), item.image(), item.metadata()),
          null);
    } catch (RuntimeException e) {
      return new BatchOutcome.Item(index, null, asProblem(e));
    }
  }

  /** The item's failure as the API would answer it alone; an unforeseen one is logged. */
  static FaceMatchException asProblem(RuntimeException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FaceMatchException known) {
        return known;
      }
      if (t instanceof java.sql.SQLException
          || t.getClass().getName().startsWith("jakarta.persistence.")) {
        return new FaceMatchException(
            Problem.STORAGE_UNAVAILABLE, "The face could not be stored; nothing was kept. Retry");
      }
    }
    String traceId = UUID.randomUUID().toString();
    LOGGER.log(System.Logger.Level.ERROR, "Batch item failed, trace id " + traceId, failure);
    return new FaceMatchException(
        Problem.INTERNAL_ERROR, "Unexpected failure; quote trace id " + traceId);
  }

  /** Each item's audit event is filed under the batch's request id, as the API's calls are. */
  private <T> T inRequest(String requestId, Supplier<T> work) {
    requestContext.activate();
    try {
      if (requestId != null) {
        requestAudit.begin(requestId);
      }
      return work.get();
    } finally {
      requestContext.deactivate();
    }
  }

  private static BatchOutcome.Item await(Future<BatchOutcome.Item> item) {
    try {
      return item.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaceMatchException(Problem.SERVER_BUSY, "Interrupted; retry later");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
