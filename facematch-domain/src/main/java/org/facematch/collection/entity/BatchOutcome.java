package org.facematch.collection.entity;

import java.util.List;
import java.util.Optional;
import org.facematch.audit.entity.AuditedOutcome;
import org.facematch.kernel.entity.FaceMatchException;

/** What became of each item of a batch, in the order they were sent. */
public record BatchOutcome(List<Item> items) implements AuditedOutcome {

  /** An item's registered face, or the problem that stopped it; exactly one of them is set. */
  public record Item(int index, RegisteredFace face, FaceMatchException problem) {}

  public long registered() {
    return items.stream().filter(i -> i.face() != null).count();
  }

  @Override
  public List<String> auditedFaceIds() {
    return items.stream().filter(i -> i.face() != null).map(i -> i.face().faceId()).toList();
  }

  @Override
  public Optional<String> auditedDetails() {
    return Optional.of(registered() + " of " + items.size() + " registered");
  }
}
