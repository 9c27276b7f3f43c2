package org.claimdesk.payment;

import java.util.List;

/**
 * The reconciliation found mismatches: thrown by its job, so it becomes an incident in Cockpit
 * whose message lists them. Managers retry the job after the cause is fixed; it compares again.
 */
public class PayoutMismatchException extends RuntimeException {

  /** The incident message's column holds 4000 characters. */
  static final int MAX_MESSAGE = 3900;

  private final transient List<PayoutMismatch> mismatches;

  public PayoutMismatchException(List<PayoutMismatch> mismatches) {
    super(message(mismatches));
    this.mismatches = List.copyOf(mismatches);
  }

  public List<PayoutMismatch> mismatches() {
    return mismatches;
  }

  private static String message(List<PayoutMismatch> mismatches) {
    StringBuilder text = new StringBuilder(mismatches.size() + " payout mismatch"
        + (mismatches.size() == 1 ? "" : "es") + " between the processor and Claimdesk's payouts:");
    for (int i = 0; i < mismatches.size(); i++) {
      String line = " " + (i + 1) + ") " + mismatches.get(i) + ";";
      if (text.length() + line.length() > MAX_MESSAGE) {
        text.append(" ... and ").append(mismatches.size() - i).append(" more (see the log)");
        break;
      }
      text.append(line);
    }
    return text.toString();
  }
}
