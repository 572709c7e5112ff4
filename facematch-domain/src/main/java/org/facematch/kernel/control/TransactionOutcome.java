package org.facematch.kernel.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must follow the current transaction's fate: memory (the search index) changes only
 * after a commit, and objects written to the store are removed after a rollback.
 */
@ApplicationScoped
public class TransactionOutcome {

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry registry;

  public void afterCommit(Runnable work) {
    on(true, work);
  }

  public void afterRollback(Runnable work) {
    on(false, work);
  }

  private void on(boolean commit, Runnable work) {
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if ((status == Status.STATUS_COMMITTED) == commit) {
              work.run();
            }
          }
        });
  }
}
