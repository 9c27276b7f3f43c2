package org.claimdesk.wallet;

import static org.claimdesk.wallet.WalletVariables.*;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_LoadRecharge: the recharge's facts, the 72-hour mark (WR-2), and whether it is credited. */
@Component
public class LoadRechargeFactsDelegate implements JavaDelegate {

  private final RechargeFactsLoader loader;
  private final Clock clock;

  public LoadRechargeFactsDelegate(RechargeFactsLoader loader, Clock clock) {
    this.loader = loader;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WalletVariables v = WalletVariables.of(execution);
    RechargeFacts facts = loader.load(v.string(ORDER_ID), v.string(PAYER_NAME));
    v.set(CUSTOMER_ID, facts.customerId());
    v.set(CUSTOMER_NAME, facts.customerName());
    v.set(AMOUNT, facts.amount());
    v.set(CURRENCY, facts.currency());
    v.set(PROCESSOR_REFERENCE, facts.processorReference());
    v.set(CHECK_AT, Date.from(facts.checkAt()));
    v.set(ALREADY_CREDITED, facts.alreadyCredited());
    v.set(BEFORE_CHECK, clock.instant().isBefore(facts.checkAt()));
    v.set(PAYER_NAME_MATCHES, facts.payerNameMatches());
    v.set(ORDER_SUMMARY, facts.summary());
  }
}
