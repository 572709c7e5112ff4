package org.facematch.changelog.boundary;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.facematch.changelog.entity.ChangeKind;
import org.facematch.changelog.entity.ChangesCommitted;
import org.facematch.changelog.entity.FaceChange;
import org.facematch.kernel.entity.FaceEvent;
import org.facematch.kernel.entity.TenantEvent;

/**
 * Writes every face event into the tenant's change log within the event's transaction, and tells
 * every node once it has committed: this node through {@link ChangesCommitted}, the others through
 * a hint on the grid that names the tenant and nothing else.
 */
@ApplicationScoped
public class ChangeLog {

  static final String TOPIC = "facematch-face-changes";
  private static final System.Logger LOGGER = System.getLogger(ChangeLog.class.getName());

  @PersistenceContext EntityManager em;
  @Inject HazelcastInstance grid;
  @Inject Event<ChangesCommitted> committed;

  private ITopic<String> hints;
  private UUID listener;

  @PostConstruct
  void listen() {
    hints = grid.getTopic(TOPIC);
    listener =
        hints.addMessageListener(
            message -> {
              if (!message.getPublishingMember().localMember()) {
                committed.fire(new ChangesCommitted(message.getMessageObject(), false));
              }
            });
  }

  @PreDestroy
  void stopListening() {
    try {
      hints.removeMessageListener(listener);
    } catch (RuntimeException e) {
      LOGGER.log(Level.DEBUG, "The grid is gone already: " + e.getMessage());
    }
  }

  void record(@Observes FaceEvent event) {
    String tenant = event.tenant().value();
    if (event instanceof FaceEvent.Registered r) {
      append(tenant, ChangeKind.REGISTERED, r.faceId(), r.engine());
    } else if (event instanceof FaceEvent.Removed r) {
      append(tenant, ChangeKind.REMOVED, r.faceId(), r.engine());
    } else if (event instanceof FaceEvent.Blacklisted b) {
      append(tenant, ChangeKind.BLACKLISTED, b.faceId(), null);
    } else {
      append(tenant, ChangeKind.UNBLACKLISTED, event.faceId(), null);
    }
  }

  void record(@Observes TenantEvent.EngineSwitched switched) {
    append(switched.tenant().value(), ChangeKind.ENGINE_SWITCHED, null, switched.to());
  }

  void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) FaceEvent event) {
    announce(event.tenant().value());
  }

  void announce(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) TenantEvent.EngineSwitched switched) {
    announce(switched.tenant().value());
  }

  private void announce(String tenant) {
    committed.fire(new ChangesCommitted(tenant, true));
    try {
      hints.publish(tenant);
    } catch (RuntimeException e) {
      // the other nodes find the change when they next poll
      LOGGER.log(Level.WARNING, "No change hint for tenant " + tenant + ": " + e.getMessage());
    }
  }

  /**
   * Takes the tenant's next sequence number and writes the entry. The upsert locks the tenant's row
   * in change_sequences until the transaction ends, so a second writer of the same tenant waits for
   * it and takes the following number only after this entry is committed or gone.
   */
  private void append(String tenant, ChangeKind kind, String faceId, String engine) {
    em.createNativeQuery(
            "INSERT INTO change_sequences (tenant_id, last_seq) VALUES (?1, 1)"
                + " ON DUPLICATE KEY UPDATE last_seq = last_seq + 1")
        .setParameter(1, tenant)
        .executeUpdate();
    long seq = head(tenant);
    em.createNativeQuery(
            "INSERT INTO face_changes (tenant_id, seq, face_id, kind, engine, changed_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, tenant)
        .setParameter(2, seq)
        .setParameter(3, faceId)
        .setParameter(4, kind.code())
        .setParameter(5, engine)
        .setParameter(6, Timestamp.from(Instant.now()))
        .executeUpdate();
  }

  /** The sequence number of the tenant's last committed change; 0 before the first. */
  public long head(String tenant) {
    List<?> rows =
        em.createNativeQuery("SELECT last_seq FROM change_sequences WHERE tenant_id = ?1")
            .setParameter(1, tenant)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
  }

  /** Every tenant's last committed change. */
  public Map<String, Long> heads() {
    Map<String, Long> heads = new HashMap<>();
    for (Object row :
        em.createNativeQuery("SELECT tenant_id, last_seq FROM change_sequences").getResultList()) {
      Object[] columns = (Object[]) row;
      heads.put((String) columns[0], ((Number) columns[1]).longValue());
    }
    return heads;
  }

  /**
   * Deletes at most limit entries, of any tenant, written before the given instant; answers how
   * many went. The heads in change_sequences stay, so a node whose index is older than the oldest
   * entry left can tell that it missed changes, and rebuilds its index from the database.
   */
  public int prune(Instant before, int limit) {
    return em.createNativeQuery("DELETE FROM face_changes WHERE changed_at < ?1 LIMIT " + limit)
        .setParameter(1, Timestamp.from(before))
        .executeUpdate();
  }

  /** The tenant's changes after seq, oldest first, at most limit. */
  public List<FaceChange> since(String tenant, long seq, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT seq, face_id, kind, engine FROM face_changes"
                    + " WHERE tenant_id = ?1 AND seq > ?2 ORDER BY seq")
            .setParameter(1, tenant)
            .setParameter(2, seq)
            .setMaxResults(limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new FaceChange(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    ChangeKind.of((String) r[2]),
                    (String) r[3]))
        .toList();
  }
}
