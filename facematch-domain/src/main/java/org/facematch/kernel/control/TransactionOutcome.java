package org.facematch.kernel.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Compensation for work a transaction cannot roll back: an object written to the store, or a face
 * enrolled with a remote engine, is removed again once the transaction has rolled back. (What must
 * happen after a commit observes the collection's face events instead.)
 */
@ApplicationScoped
public class TransactionOutcome {

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry registry;

  public void afterRollback(Runnable work) {
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              work.run();
            }
          }
        });
  }
}
