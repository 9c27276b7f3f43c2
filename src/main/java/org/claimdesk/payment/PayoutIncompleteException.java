package org.claimdesk.payment;

/**
 * The processor accepted a refund but did not report it SUCCEEDED: it is still PENDING (the job
 * retries later and asks again with the same key) or it FAILED (the payout is recorded FAILED;
 * the same case step does not try again, people decide).
 */
public class PayoutIncompleteException extends RuntimeException {

  private final String idempotencyKey;
  private final ProcessorRefund.Status processorStatus;
  private final String refundId;

  public PayoutIncompleteException(String idempotencyKey, ProcessorRefund.Status processorStatus,
      String refundId) {
    super("Payout " + idempotencyKey + ": the processor reports refund " + refundId + " as "
        + processorStatus);
    this.idempotencyKey = idempotencyKey;
    this.processorStatus = processorStatus;
    this.refundId = refundId;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public ProcessorRefund.Status processorStatus() {
    return processorStatus;
  }

  public String refundId() {
    return refundId;
  }
}
