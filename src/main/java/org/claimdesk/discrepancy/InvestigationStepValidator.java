package org.claimdesk.discrepancy;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.commerce.Money;
import org.claimdesk.engine.InvalidFormInputException;
import org.springframework.stereotype.Component;

/**
 * Task_InvestigateDiscrepancy (investigate-discrepancy), on complete: the next step must be whole (whom to
 * ask and what; or the cause, the conclusion and an amount that can be right), so that a bad
 * form is refused in Tasklist instead of failing later. For a finding, it prepares what the
 * decision moves ({@link Rectification}): recorded on the case, which the payout steps pay
 * ({@link DiscrepancySteps#decideRectification}), and shown as {@code rectifyAmount} and
 * {@code rectifyPaymentId}.
 */
@Component
public class InvestigationStepValidator implements TaskListener {

  private static final int MAX_TEXT = 4000;

  private final DiscrepancySteps steps;

  public InvestigationStepValidator(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    DiscrepancyVariables v = DiscrepancyVariables.of(task);
    String step = oneOf(v, DiscrepancyVariables.INVESTIGATION_STEP, "the next step",
        List.of("ASK_PROCESSOR", "ASK_CUSTOMER", "RECORD_FINDING"));
    switch (step) {
      case "ASK_PROCESSOR" -> {
        oneOf(v, DiscrepancyVariables.INSTITUTION, "whom you ask", List.of("PROCESSOR", "BANK"));
        requireText(v, DiscrepancyVariables.REQUEST_TEXT, "Write down what you asked the processor or the bank.");
      }
      case "ASK_CUSTOMER" -> requireText(v, DiscrepancyVariables.REQUEST_TEXT,
          "Write your question to the customer; it is sent to them as written.");
      default -> recordFinding(v);
    }
  }

  private void recordFinding(DiscrepancyVariables v) {
    Cause cause = Cause.valueOf(oneOf(v, DiscrepancyVariables.CAUSE, "what happened",
        java.util.Arrays.stream(Cause.values()).map(Cause::name).toList()));
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
    steps.decideRectification(v.caseReference(), v.round(), amount);
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
