package org.claimdesk.refund;

import static org.claimdesk.refund.RefundVariables.APPROVAL_DECISION;
import static org.claimdesk.refund.RefundVariables.FIX_OUTCOME;
import static org.claimdesk.refund.RefundVariables.IS_EXCEPTION;
import static org.claimdesk.refund.RefundVariables.OFFER_AMOUNT;
import static org.claimdesk.refund.RefundVariables.OFFER_AMOUNT_MINOR;
import static org.claimdesk.refund.RefundVariables.OFFER_DESCRIPTION;
import static org.claimdesk.refund.RefundVariables.OFFER_SUMMARY;
import static org.claimdesk.refund.RefundVariables.OFFER_TYPE;
import static org.claimdesk.refund.RefundVariables.REFUSAL_RULE_ID;
import static org.claimdesk.refund.RefundVariables.REPLY_MESSAGE;
import static org.claimdesk.refund.RefundVariables.RESOLUTION;
import static org.claimdesk.refund.RefundVariables.RESOLUTION_FIXED;
import static org.claimdesk.refund.RefundVariables.REVIEW_DECISION;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.claimdesk.engine.InvalidFormInputException;
import org.claimdesk.cases.OfferType;
import org.claimdesk.commerce.Money;

/**
 * What a completed form must say before the process acts on it, declared once per form
 * ({@link #BY_FORM}). The task's complete listener ({@code ${refundTasks.formRules}}) runs the
 * rule of the task's form: a violation throws {@link InvalidFormInputException}, which rolls the
 * completion back and shows the message in Tasklist. On success it derives what the process
 * needs (the offer's amount in minor units, the offer summary the manager sees).
 */
public final class RefundFormRules {

  /** One form's completion rule; {@code refundable} is what is left of the order in the database. */
  @FunctionalInterface
  interface Rule {
    void check(RefundVariables v, Supplier<Money> refundable);
  }

  /** The rule of each form of {@code refund-request}, by form id ({@code camunda:formRef}). */
  static final Map<String, Rule> BY_FORM = Map.of(
      "review-claim", RefundFormRules::checkReview,
      "attempt-fix", RefundFormRules::checkFix,
      "approve-offer", RefundFormRules::checkApproval);

  /** Rules an agent may refuse on after review (RF-9 is the strict profile's, refused at once). */
  public static final Set<String> AGENT_REFUSAL_RULES = Set.of("RF-2", "RF-3", "RF-4", "RF-5", "RF-6");
  /** A manager may also refuse an exception (RF-7). */
  public static final Set<String> MANAGER_REFUSAL_RULES = Set.of("RF-2", "RF-3", "RF-4", "RF-5", "RF-6", "RF-7");
  static final int MAX_MESSAGE = 4000;

  private RefundFormRules() {
  }

  /** Runs the rule of {@code form}; a form without a declared rule is a modelling error. */
  static void check(String form, RefundVariables v, Supplier<Money> refundable) {
    Rule rule = BY_FORM.get(form);
    if (rule == null) {
      throw new IllegalStateException("refund-request has no completion rule for the form " + form);
    }
    rule.check(v, refundable);
  }

  /** review-claim: the agent's decision and first reply. */
  public static void checkReview(RefundVariables v, Supplier<Money> refundable) {
    String decision = oneOf(v, REVIEW_DECISION, "your decision", List.of("ASK_EVIDENCE", "REFUSE", "TRY_FIX", "OFFER"));
    requireMessage(v, "Write your reply to the customer.");
    switch (decision) {
      case "REFUSE" -> oneOf(v, REFUSAL_RULE_ID, "the rule the refusal rests on", AGENT_REFUSAL_RULES.stream().sorted().toList());
      case "OFFER" -> applyOffer(v, offerType(v, List.of(OfferType.values())), refundable);
      default -> { }
    }
    if (v.raw(IS_EXCEPTION) == null) {
      v.set(IS_EXCEPTION, false);
    }
  }

  /** attempt-fix: fixed, or an offer of a partial refund or a credit (RF-4). */
  public static void checkFix(RefundVariables v, Supplier<Money> refundable) {
    String outcome = oneOf(v, FIX_OUTCOME, "the outcome", List.of("FIXED", "NOT_FIXABLE"));
    requireMessage(v, "Write your message to the customer.");
    if (outcome.equals("FIXED")) {
      v.set(RESOLUTION, RESOLUTION_FIXED);
    } else {
      applyOffer(v, offerType(v, List.of(OfferType.PARTIAL_REFUND, OfferType.CREDIT)), refundable);
      if (v.raw(IS_EXCEPTION) == null) {
        v.set(IS_EXCEPTION, false);
      }
    }
  }

  /** approve-offer: approve (possibly with another amount) or refuse. */
  public static void checkApproval(RefundVariables v, Supplier<Money> refundable) {
    String decision = oneOf(v, APPROVAL_DECISION, "your decision", List.of("APPROVE", "REFUSE"));
    if (decision.equals("REFUSE")) {
      oneOf(v, REFUSAL_RULE_ID, "the rule the refusal rests on", MANAGER_REFUSAL_RULES.stream().sorted().toList());
      requireMessage(v, "Write the message that explains the refusal to the customer.");
    } else {
      applyOffer(v, v.offerType(), refundable);
    }
  }

  private static OfferType offerType(RefundVariables v, List<OfferType> allowed) {
    String type = oneOf(v, OFFER_TYPE, "the offer", allowed.stream().map(Enum::name).toList());
    return OfferType.valueOf(type);
  }

  /**
   * Checks the offer's amount and derives {@code offerAmountMinor} and {@code offerSummary}. The
   * bound is what is left of the order in the merchant's records (its amount less what was
   * already paid out on it), never an amount a process variable claims.
   */
  static void applyOffer(RefundVariables v, OfferType type, Supplier<Money> refundable) {
    Money order = type.movesMoney() ? refundable.get() : v.orderAmount();
    if (type.movesMoney() && !order.isPositive()) {
      throw new InvalidFormInputException("Everything paid for this order was already given back: offer an"
          + " alternative solution instead.");
    }
    Long minor = switch (type) {
      case FULL_REFUND -> order.amount();
      case PARTIAL_REFUND, CREDIT -> typedAmount(v, order);
      case ALTERNATIVE -> null;
    };
    if ((type == OfferType.FULL_REFUND || type == OfferType.PARTIAL_REFUND) && v.paymentId() == null) {
      throw new InvalidFormInputException("The order has no captured payment to refund: offer a credit or an"
          + " alternative solution instead.");
    }
    if (type == OfferType.PARTIAL_REFUND && minor >= order.amount()) {
      throw new InvalidFormInputException("A partial refund must be less than the " + order
          + " left to refund on the order; choose a full refund for the whole of it.");
    }
    if (type == OfferType.CREDIT && minor > order.amount()) {
      throw new InvalidFormInputException("A credit may not exceed the " + order + " left on the order.");
    }
    String description = v.string(OFFER_DESCRIPTION);
    if (type == OfferType.ALTERNATIVE && (description == null || description.isBlank())) {
      throw new InvalidFormInputException("Describe the alternative solution for the customer.");
    }
    v.set(OFFER_AMOUNT_MINOR, minor);
    v.set(OFFER_SUMMARY, type + (minor == null ? "" : " of " + new Money(minor, order.currency()))
        + (description == null || description.isBlank() ? "" : ": " + description.strip()));
  }

  private static long typedAmount(RefundVariables v, Money order) {
    Object typed = v.raw(OFFER_AMOUNT);
    if (!(typed instanceof Number number)) {
      throw new InvalidFormInputException("Enter the amount in " + order.currencyCode() + ", e.g. 45.50.");
    }
    long minor;
    try {
      minor = Money.ofMajorUnits(number, order.currency()).amount();
    } catch (IllegalArgumentException e) {
      throw new InvalidFormInputException(e.getMessage());
    }
    if (minor <= 0) {
      throw new InvalidFormInputException("The amount must be greater than zero.");
    }
    return minor;
  }

  private static String oneOf(RefundVariables v, String variable, String what, List<String> allowed) {
    String value = v.string(variable);
    if (value == null || !allowed.contains(value)) {
      throw new InvalidFormInputException("Choose " + what + " (one of " + String.join(", ", allowed) + ").");
    }
    return value;
  }

  private static void requireMessage(RefundVariables v, String missing) {
    String message = v.string(REPLY_MESSAGE);
    if (message == null || message.isBlank()) {
      throw new InvalidFormInputException(missing);
    }
    if (message.length() > MAX_MESSAGE) {
      throw new InvalidFormInputException("The message is longer than " + MAX_MESSAGE + " characters.");
    }
  }
}
