package org.claimdesk.payment;

/**
 * The processor could not be reached or did not answer in time: a timeout, a 5xx, a 429 that
 * outlasted its retries, or a rejected API key. Whether the refund was made is unknown; the job
 * retries with the same idempotency key and, when its retries are used up, becomes an incident.
 * The message names what happened (the HTTP status, the processor's request id), never a key.
 */
public class ProcessorUnavailableException extends RuntimeException {

  public ProcessorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
