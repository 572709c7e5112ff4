package org.facematch.api.collection;

import jakarta.json.JsonObject;
import java.util.List;
import org.facematch.api.problem.ProblemResponses;
import org.facematch.collection.entity.BatchOutcome;

/**
 * One result per item, in the order sent: {@code status} 201 with the face as {@code POST
 * /register} answers it, or the item's own problem status with its RFC 9457 problem.
 */
public record RegisterBatchResponse(long registered, long failed, List<Result> results) {

  /** Exactly one of face and problem is present. */
  public record Result(int index, int status, RegisterResponse face, JsonObject problem) {}

  static RegisterBatchResponse from(BatchOutcome outcome, String instance) {
    List<Result> results =
        outcome.items().stream()
            .map(
                item ->
                    item.face() != null
                        ? new Result(item.index(), 201, RegisterResponse.from(item.face()), null)
                        : new Result(
                            item.index(),
                            item.problem().problem().status(),
                            null,
                            ProblemResponses.body(
                                item.problem().problem(), item.problem().detail(), instance)))
            .toList();
    long registered = outcome.registered();
    return new RegisterBatchResponse(registered, results.size() - registered, results);
  }
}
