package org.claimdesk.channels;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.cases.FiledClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The tasks bean of the four {@code take-*-claim} processes (issue #24): the one step of each,
 * "Open the case" ({@code camunda:delegateExpression="${takenClaims.openRefundCase}"}), files the
 * start form's claim through {@link TakenClaimFiling} in the start's own transaction, keyed by the
 * process instance, and keeps the case's reference and status on the instance.
 */
@Component
public class TakenClaims {

  private static final Logger log = LoggerFactory.getLogger(TakenClaims.class);

  private final TakenClaimFiling filing;

  TakenClaims(TakenClaimFiling filing) {
    this.filing = filing;
  }

  /** Task_OpenCase of {@code take-refund-claim}. */
  public JavaDelegate getOpenRefundCase() {
    return execution -> open(TakenClaimForm.REFUND, execution);
  }

  /** Task_OpenCase of {@code take-cancellation-claim}. */
  public JavaDelegate getOpenCancellationCase() {
    return execution -> open(TakenClaimForm.CANCELLATION, execution);
  }

  /** Task_OpenCase of {@code take-discrepancy-claim}. */
  public JavaDelegate getOpenDiscrepancyCase() {
    return execution -> open(TakenClaimForm.DISCREPANCY, execution);
  }

  /** Task_OpenCase of {@code take-wallet-claim}. */
  public JavaDelegate getOpenWalletCase() {
    return execution -> open(TakenClaimForm.WALLET, execution);
  }

  private void open(TakenClaimForm form, DelegateExecution execution) {
    TakenClaimVariables variables = TakenClaimVariables.of(execution);
    FiledClaim filed = filing.file(form, variables.formValues(form), execution.getProcessInstanceId());
    variables.recordFiled(filed);
    try (MDC.MDCCloseable ignored = MDC.putCloseable("caseReference", filed.reference())) {
      log.info("{} claim taken from Tasklist: {} case {}", form.claimForm(),
          filed.created() ? "opened" : "answered with the open", filed.reference());
    }
  }
}
