package org.claimdesk.cancellation;

import static org.claimdesk.cancellation.CancellationVariables.*;

import java.util.Map;
import java.util.function.Consumer;

import org.claimdesk.commerce.Money;
import org.claimdesk.engine.InvalidFormInputException;

/**
 * What a completed form of {@code subscription-cancellation} must say before the process acts on
 * it, declared once per form ({@link #BY_FORM}); the task's complete listener
 * ({@code ${cancellationTasks.formRules}}) runs the rule of the task's form. A violation throws
 * {@link InvalidFormInputException}, which rolls the completion back and shows the message in
 * Tasklist.
 */
final class CancellationFormRules {

  /** The rule of each form, by form id ({@code camunda:formRef}). */
  static final Map<String, Consumer<CancellationVariables>> BY_FORM = Map.of(
      "review-cancellation-refund", CancellationFormRules::checkReview);

  private CancellationFormRules() {
  }

  /** Runs the rule of {@code form}; a form without a declared rule is a modelling error. */
  static void check(String form, CancellationVariables v) {
    Consumer<CancellationVariables> rule = BY_FORM.get(form);
    if (rule == null) {
      throw new IllegalStateException("subscription-cancellation has no completion rule for the form " + form);
    }
    rule.accept(v);
  }

  /** review-cancellation-refund (SC-4): a full, partial or no refund, with a reply. */
  static void checkReview(CancellationVariables v) {
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
