package org.claimdesk.wallet;

import org.camunda.bpm.engine.RuntimeService;
import org.claimdesk.commerce.RechargeCredited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a recharge reaches the wallet (the shop posts its credit), a wallet case waiting the 72
 * hours on that order closes by itself: the message is correlated in the transaction that
 * appended the ledger entry, so the credit and the case's reaction commit together.
 */
@Component
class RechargeCreditedListener {

  private static final Logger log = LoggerFactory.getLogger(RechargeCreditedListener.class);

  private final RuntimeService runtime;

  RechargeCreditedListener(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener
  void onRechargeCredited(RechargeCredited credited) {
    int resumed = runtime.createMessageCorrelation(WalletProcess.MESSAGE_RECHARGE_CREDITED)
        .processInstanceVariableEquals(WalletProcess.ORDER_ID, credited.orderId())
        .correlateAllWithResult()
        .size();
    if (resumed > 0) {
      log.info("Recharge of order {} credited ({}): {} waiting case(s) close", credited.orderId(), credited.source(),
          resumed);
    }
  }
}
