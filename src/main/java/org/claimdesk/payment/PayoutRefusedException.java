package org.claimdesk.payment;

/**
 * A payout the database's records do not allow: another customer's payment, or more than the
 * case's subject is worth. Nothing is paid or recorded; the job that asked fails and, once its
 * retries are spent, shows as an incident in Cockpit for a person to look at.
 */
public class PayoutRefusedException extends IllegalStateException {

  PayoutRefusedException(PayoutKey key, String reason) {
    super("Payout " + (key == null ? "" : key + " ") + "refused: " + reason);
  }
}
