package org.claimdesk.commerce;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts a row whose primary or unique key may already be taken by a concurrent writer. The
 * insert runs in a savepoint of the caller's transaction: when a unique key refuses it, only
 * the savepoint is rolled back (PostgreSQL would otherwise abort the whole transaction), and
 * the caller reads the stored row and compares it with what it tried to write. Check first,
 * insert second, and rely on the key for the race in between.
 */
@Component
class IdempotentInserts {

  private static final Logger log = LoggerFactory.getLogger(IdempotentInserts.class);

  private final TransactionTemplate savepoint;

  IdempotentInserts(PlatformTransactionManager transactionManager) {
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Runs {@code insert} in a savepoint; {@code false} when a unique key already holds a row
   * (the caller's transaction goes on), {@code true} when the row was inserted.
   */
  boolean insertUnlessDuplicate(Runnable insert) {
    try {
      savepoint.executeWithoutResult(status -> insert.run());
      return true;
    } catch (DuplicateKeyException duplicate) {
      log.debug("A concurrent writer stored the same key first; comparing with the stored row");
      return false;
    }
  }
}
