package org.claimdesk.discrepancy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.claimdesk.commerce.Money;
import org.claimdesk.engine.InvalidFormInputException;
import org.claimdesk.sla.FirstReplySteps;

/**
 * The completion rules of the two forms of {@code payment-discrepancy}, one method per form, run
 * by {@link DiscrepancyTasks}' complete listeners: a bad form is refused in Tasklist (400 with the
 * message) instead of failing later.
 */
final class DiscrepancyFormRules {

  private static final int MAX_TEXT = 4000;

  /** A finding the investigator recorded: what it moves ({@link Rectification}), if anything. */
  record Finding(Optional<Rectification.Amount> amount) {
  }

  private DiscrepancyFormRules() {
  }

  /**
   * Form {@code investigate-discrepancy}: the next step must be whole (whom to ask and what; or the
   * cause, the conclusion and an amount that can be right). For a finding, what the decision moves
   * is shown as {@code rectifyAmount} and {@code rectifyPaymentId} and returned, for the case record.
   *
   * @return the finding, or empty when the investigator asks someone instead
   */
  static Optional<Finding> investigation(DiscrepancyVariables v) {
    String step = oneOf(v, DiscrepancyVariables.INVESTIGATION_STEP, "the next step",
        List.of("ASK_PROCESSOR", "ASK_CUSTOMER", "RECORD_FINDING"));
    switch (step) {
      case "ASK_PROCESSOR" -> {
        oneOf(v, DiscrepancyVariables.INSTITUTION, "whom you ask", List.of("PROCESSOR", "BANK"));
        requireText(v, DiscrepancyVariables.REQUEST_TEXT, "Write down what you asked the processor or the bank.");
        return Optional.empty();
      }
      case "ASK_CUSTOMER" -> {
        requireText(v, DiscrepancyVariables.REQUEST_TEXT,
            "Write your question to the customer; it is sent to them as written.");
        return Optional.empty();
      }
      default -> {
        return Optional.of(finding(v));
      }
    }
  }

  private static Finding finding(DiscrepancyVariables v) {
    Cause cause = Cause.valueOf(oneOf(v, DiscrepancyVariables.CAUSE, "what happened",
        Arrays.stream(Cause.values()).map(Cause::name).toList()));
    requireText(v, DiscrepancyVariables.CONCLUSION, "Write your conclusion for the customer.");
    String preferred = v.string(DiscrepancyVariables.PREFERRED_REMEDY);
    boolean choice = cause == Cause.OVERCHARGED || cause == Cause.MERCHANT_ERROR;
    if (!choice || preferred == null || preferred.isBlank()) {
      preferred = null;
    } else if (!List.of("REFUND", "BALANCE_ADJUSTMENT").contains(preferred)) {
      throw new InvalidFormInputException("Choose how we put it right (REFUND or BALANCE_ADJUSTMENT).");
    }
    v.set(DiscrepancyVariables.PREFERRED_REMEDY, preferred);
    Money paid = v.amount();
    Money typed = choice || cause == Cause.UNAUTHORIZED_MERCHANT_SECURITY ? typedAmount(v, paid) : null;
    Optional<Rectification.Amount> amount;
    try {
      amount = Rectification.forFinding(cause, v.paymentId(), paid, v.money(DiscrepancyVariables.ORDER_AMOUNT),
          v.money(DiscrepancyVariables.REFUNDED_AMOUNT), typed, v.string(DiscrepancyVariables.DUPLICATE_PAYMENT_ID));
    } catch (IllegalArgumentException e) {
      throw new InvalidFormInputException(e.getMessage());
    }
    v.set(DiscrepancyVariables.RECTIFY_AMOUNT, amount.map(a -> a.amount().amount()).orElse(null));
    v.set(DiscrepancyVariables.RECTIFY_PAYMENT_ID, amount.map(Rectification.Amount::paymentId).orElse(null));
    return new Finding(amount);
  }

  /**
   * Form {@code review-dissatisfaction} (PD-6): a decision and a note; a note for the investigator
   * joins the investigation notes.
   */
  static void dissatisfactionReview(DiscrepancyVariables v, Instant now) {
    String outcome = v.string(DiscrepancyVariables.REVIEW_OUTCOME);
    if (!"REINVESTIGATE".equals(outcome) && !"UPHOLD".equals(outcome)) {
      throw new InvalidFormInputException("Choose your decision (REINVESTIGATE or UPHOLD).");
    }
    String note = v.string(DiscrepancyVariables.MANAGER_NOTE);
    if (note == null || note.isBlank()) {
      throw new InvalidFormInputException("REINVESTIGATE".equals(outcome)
          ? "Write a note for the investigator: what to look at again."
          : "Write your message to the customer.");
    }
    if (note.length() > MAX_TEXT) {
      throw new InvalidFormInputException("At most " + MAX_TEXT + " characters, please.");
    }
    if ("REINVESTIGATE".equals(outcome)) {
      v.addNote(FirstReplySteps.staffTime(now) + " Manager reopened the investigation: " + note.strip());
    }
  }

  private static Money typedAmount(DiscrepancyVariables v, Money paid) {
    Object typed = v.raw(DiscrepancyVariables.ADJUSTMENT_AMOUNT);
    if (typed == null) {
      return null;
    }
    if (!(typed instanceof Number number)) {
      throw new InvalidFormInputException("Enter the amount in " + paid.currencyCode() + ", e.g. 12.50.");
    }
    try {
      return Money.ofMajorUnits(number, paid.currency());
    } catch (IllegalArgumentException e) {
      throw new InvalidFormInputException(e.getMessage());
    }
  }

  private static String oneOf(DiscrepancyVariables v, String variable, String what, List<String> allowed) {
    String value = v.string(variable);
    if (value == null || !allowed.contains(value)) {
      throw new InvalidFormInputException("Choose " + what + " (one of " + String.join(", ", allowed) + ").");
    }
    return value;
  }

  private static void requireText(DiscrepancyVariables v, String variable, String missing) {
    String text = v.string(variable);
    if (text == null || text.isBlank()) {
      throw new InvalidFormInputException(missing);
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidFormInputException("At most " + MAX_TEXT + " characters, please.");
    }
  }
}
