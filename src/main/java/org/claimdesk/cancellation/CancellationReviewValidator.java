package org.claimdesk.cancellation;

import static org.claimdesk.cancellation.CancellationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.commerce.Money;
import org.claimdesk.engine.InvalidFormInputException;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewClaim of a cancellation, on complete (SC-4): a full, partial or no refund, with a
 * reply. A violation rolls the completion back and Tasklist shows the message.
 */
@Component
public class CancellationReviewValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    check(CancellationVariables.of(task));
  }

  static void check(CancellationVariables v) {
    String choice = v.string(REVIEW_REFUND);
    String message = v.string(REPLY_MESSAGE);
    if (message == null || message.isBlank() || message.length() > 4000) {
      throw new InvalidFormInputException("Write your reply to the customer (at most 4000 characters).");
    }
    Money lastPayment = v.lastPayment();
    switch (choice == null ? "" : choice) {
      case "FULL" -> {
        v.set(REFUND_DECISION, "REFUND");
        v.set(REFUND_AMOUNT_MINOR, lastPayment.amount());
      }
      case "PARTIAL" -> {
        if (!(v.raw(REFUND_AMOUNT) instanceof Number typed)) {
          throw new InvalidFormInputException("Enter the amount in " + lastPayment.currencyCode() + ".");
        }
        Money refund;
        try {
          refund = Money.ofMajorUnits(typed, lastPayment.currency());
        } catch (IllegalArgumentException e) {
          throw new InvalidFormInputException(e.getMessage());
        }
        if (!refund.isPositive() || !refund.isLessThan(lastPayment)) {
          throw new InvalidFormInputException("A partial refund is more than zero and less than the last payment of "
              + lastPayment + ".");
        }
        v.set(REFUND_DECISION, "REFUND");
        v.set(REFUND_AMOUNT_MINOR, refund.amount());
      }
      case "NONE" -> v.set(REFUND_DECISION, "NO_REFUND");
      default -> throw new InvalidFormInputException("Choose the refund: FULL, PARTIAL or NONE.");
    }
    v.set(REVIEWED, true);
  }
}
