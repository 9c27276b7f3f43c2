package org.claimdesk.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.claimdesk.cases.OfferType;
import org.claimdesk.commerce.Money;

/**
 * The parameters of one customer message, checked against what that message reads (the list in
 * {@link CustomerMessage}'s comments): an unknown name, a missing required value, a blank text or
 * a value of the wrong type is refused with an {@link IllegalArgumentException} naming it, so a
 * process that passes the wrong thing fails (and its job is retried, then becomes an incident)
 * instead of sending a customer "null".
 */
final class MessageParameters {

  static final String REPLY_DUE_BY = "replyDueBy";
  static final String EVIDENCE_REQUIRED = "evidenceRequired";
  static final String RULE_ID = "ruleId";
  static final String AGENT_MESSAGE = "agentMessage";
  static final String RESPOND_BY = "respondBy";
  static final String OFFER_TYPE = "offerType";
  static final String AMOUNT = "amount";
  static final String DESCRIPTION = "description";
  static final String PLAN = "plan";
  static final String MODE = "mode";
  static final String ACCESS_ENDS_AT = "accessEndsAt";
  static final String REFUND_DECISION = "refundDecision";
  static final String ACCESS_ENDED_AT = "accessEndedAt";
  static final String CHECK_AT = "checkAt";
  static final String CAPTURED_AT = "capturedAt";
  static final String WINDOW_ENDED_AT = "windowEndedAt";
  static final String SUPPORT_CONTACT = "supportContact";
  static final String INSTITUTION = "institution";
  static final String ANSWER_DUE_BY = "answerDueBy";
  static final String CAUSE = "cause";
  static final String REMEDY = "remedy";

  /** The values of {@link #MODE} (SC-2). */
  static final String IMMEDIATE = "IMMEDIATE";
  static final String END_OF_CYCLE = "END_OF_CYCLE";
  /** The values of {@link #REFUND_DECISION} (SC-3, SC-4). */
  static final String REFUND = "REFUND";
  static final String NO_REFUND = "NO_REFUND";
  /** The values of {@link #INSTITUTION} (PD-3): whom we asked for their records. */
  static final String PROCESSOR = "PROCESSOR";
  static final String BANK = "BANK";
  /**
   * The values of {@link #CAUSE}, as {@code org.claimdesk.discrepancy.Cause} names them: the
   * merchant's errors (PD-4), those it is not liable for (PD-5), and a correct payment.
   */
  static final List<String> MERCHANT_ERRORS = List.of("DUPLICATE_CHARGE", "OVERCHARGED", "MERCHANT_ERROR",
      "UNAUTHORIZED_MERCHANT_SECURITY");
  static final List<String> NOT_LIABLE = List.of("CUSTOMER_ERROR", "FRAUD_NOT_MERCHANT", "THIRD_PARTY_ISSUE");
  static final String NO_DISCREPANCY = "NO_DISCREPANCY";
  /** The values of {@link #REMEDY}, as {@code org.claimdesk.discrepancy.Remedy} names them; also {@link #REFUND}. */
  static final String BALANCE_ADJUSTMENT = "BALANCE_ADJUSTMENT";
  static final String ASSISTANCE = "ASSISTANCE";
  static final String NONE = "NONE";

  /** The messages whose {@link #AMOUNT} is a recharge or a payment, which is never zero or negative. */
  private static final Set<CustomerMessage> POSITIVE_AMOUNT = EnumSet.of(
      CustomerMessage.RECHARGE_WAIT, CustomerMessage.RECHARGE_CREDITED, CustomerMessage.RECHARGE_ARRIVED,
      CustomerMessage.DISCREPANCY_RECEIVED);
  /** An email address as a customer can write to it: something, an at sign, a domain with a dot. */
  private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

  private record Spec(Class<?> type, boolean required) {
  }

  private final CustomerMessage message;
  private final Map<String, Object> values;

  private MessageParameters(CustomerMessage message, Map<String, Object> values) {
    this.message = message;
    this.values = values;
  }

  /** The names a message reads; the boolean is whether the name is required. */
  static Map<String, Boolean> namesOf(CustomerMessage message) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    specOf(message).forEach((name, spec) -> names.put(name, spec.required()));
    return names;
  }

  private static Map<String, Spec> specOf(CustomerMessage message) {
    Spec instant = new Spec(Instant.class, true);
    Spec text = new Spec(String.class, true);
    Spec optionalText = new Spec(String.class, false);
    Spec money = new Spec(Money.class, true);
    return switch (message) {
      case CLAIM_RECEIVED -> specs(REPLY_DUE_BY, instant, EVIDENCE_REQUIRED, new Spec(Boolean.class, true));
      case CLAIM_REFUSED -> specs(RULE_ID, text, AGENT_MESSAGE, optionalText);
      case AGENT_REPLY, FIX_CONFIRMED -> specs(AGENT_MESSAGE, text);
      case EVIDENCE_REQUESTED -> specs(AGENT_MESSAGE, text, RESPOND_BY, instant);
      case EVIDENCE_REMINDER, OFFER_REMINDER, FEEDBACK_REQUESTED, DISCREPANCY_DETAILS_REMINDER,
          DISCREPANCY_FOLLOW_UP -> specs(RESPOND_BY, instant);
      case OFFER_MADE -> specs(OFFER_TYPE, new Spec(OfferType.class, true),
          AMOUNT, new Spec(Money.class, false), DESCRIPTION, optionalText, AGENT_MESSAGE, optionalText,
          RESPOND_BY, instant);
      case CLOSED_NO_RESPONSE -> specs();
      case REFUND_PAID, CREDIT_ADDED -> specs(AMOUNT, money);
      case ALTERNATIVE_AGREED -> specs(DESCRIPTION, text);
      case CANCELLATION_CONFIRMED -> specs(PLAN, text, MODE, text, ACCESS_ENDS_AT, instant,
          REFUND_DECISION, text, AMOUNT, new Spec(Money.class, false), RULE_ID, text, AGENT_MESSAGE, optionalText);
      case CANCELLATION_WITHDRAWN -> specs(PLAN, text);
      case ACCESS_ENDED -> specs(PLAN, text, ACCESS_ENDED_AT, instant);
      case RECHARGE_WAIT -> specs(AMOUNT, money, CHECK_AT, instant);
      case RECHARGE_CREDITED, RECHARGE_ARRIVED -> specs(AMOUNT, money);
      case RECHARGE_NOT_PAID -> specs(AGENT_MESSAGE, optionalText);
      case DISCREPANCY_RECEIVED -> specs(AMOUNT, money, CAPTURED_AT, instant, REPLY_DUE_BY, instant);
      case DISCREPANCY_OUTSIDE_WINDOW -> specs(CAPTURED_AT, instant, WINDOW_ENDED_AT, instant, SUPPORT_CONTACT, text);
      case DISCREPANCY_DETAILS_REQUESTED -> specs(AGENT_MESSAGE, text, RESPOND_BY, instant);
      case DISCREPANCY_PROCESSOR_CONSULTED -> specs(INSTITUTION, text, ANSWER_DUE_BY, instant);
      case DISCREPANCY_RESOLVED -> specs(CAUSE, text, REMEDY, text, AMOUNT, new Spec(Money.class, false),
          RULE_ID, text, AGENT_MESSAGE, optionalText);
      case DISCREPANCY_REOPENED -> specs(REPLY_DUE_BY, instant);
      case DISCREPANCY_RESOLUTION_UPHELD -> specs(AGENT_MESSAGE, text);
    };
  }

  private static Map<String, Spec> specs(Object... namesAndSpecs) {
    Map<String, Spec> specs = new LinkedHashMap<>();
    for (int i = 0; i < namesAndSpecs.length; i += 2) {
      specs.put((String) namesAndSpecs[i], (Spec) namesAndSpecs[i + 1]);
    }
    return specs;
  }

  static MessageParameters check(CustomerMessage message, Map<String, ?> given) {
    Map<String, ?> parameters = given == null ? Map.of() : given;
    Map<String, Spec> specs = specOf(message);
    Set<String> unknown = new TreeSet<>(parameters.keySet());
    unknown.removeAll(specs.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(message + " has no parameter " + String.join(", ", unknown)
          + "; it reads " + specs.keySet());
    }
    Map<String, Object> values = new LinkedHashMap<>();
    specs.forEach((name, spec) -> {
      Object value = parameters.get(name);
      if (value instanceof String s && s.isBlank()) {
        value = null;
      }
      if (value == null) {
        if (spec.required()) {
          throw new IllegalArgumentException(message + " needs parameter " + name
              + " (" + spec.type().getSimpleName() + ")");
        }
        return;
      }
      if (!spec.type().isInstance(value)) {
        throw new IllegalArgumentException(message + " parameter " + name + " must be a "
            + spec.type().getSimpleName() + ", not a " + value.getClass().getSimpleName());
      }
      values.put(name, value);
    });
    MessageParameters checked = new MessageParameters(message, values);
    if (message == CustomerMessage.OFFER_MADE && checked.offerType().movesMoney()
        && checked.optionalMoney(AMOUNT).filter(Money::isPositive).isEmpty()) {
      throw new IllegalArgumentException("OFFER_MADE of a " + checked.offerType()
          + " needs a positive parameter amount (Money)");
    }
    if (message == CustomerMessage.OFFER_MADE && !checked.offerType().movesMoney()
        && checked.optionalText(DESCRIPTION).isEmpty()) {
      throw new IllegalArgumentException("OFFER_MADE of an ALTERNATIVE needs parameter description (String)");
    }
    if (message == CustomerMessage.CANCELLATION_CONFIRMED) {
      checked.requireOneOf(MODE, IMMEDIATE, END_OF_CYCLE);
      boolean refund = checked.requireOneOf(REFUND_DECISION, REFUND, NO_REFUND).equals(REFUND);
      Optional<Money> amount = checked.optionalMoney(AMOUNT);
      if (refund && amount.filter(Money::isPositive).isEmpty()) {
        throw new IllegalArgumentException("CANCELLATION_CONFIRMED with REFUND needs a positive parameter amount (Money)");
      }
      if (!refund && amount.isPresent()) {
        throw new IllegalArgumentException("CANCELLATION_CONFIRMED with NO_REFUND must not carry parameter amount");
      }
    }
    if (message == CustomerMessage.DISCREPANCY_OUTSIDE_WINDOW
        && !EMAIL_ADDRESS.matcher(checked.text(SUPPORT_CONTACT).strip()).matches()) {
      throw new IllegalArgumentException("DISCREPANCY_OUTSIDE_WINDOW parameter supportContact must be an email"
          + " address");
    }
    if (message == CustomerMessage.DISCREPANCY_PROCESSOR_CONSULTED) {
      checked.requireOneOf(INSTITUTION, PROCESSOR, BANK);
    }
    if (message == CustomerMessage.DISCREPANCY_RESOLVED) {
      checked.checkResolution();
    }
    if (POSITIVE_AMOUNT.contains(message) && !checked.money(AMOUNT).isPositive()) {
      throw new IllegalArgumentException(message + " needs a positive parameter amount (Money), not "
          + checked.money(AMOUNT));
    }
    return checked;
  }

  /**
   * What a resolution says must hold together: a known cause and remedy; an amount, positive, with
   * a refund or a balance adjustment and with nothing else; assistance only where we are not
   * liable (PD-5), whose sentence depends on the cause; "nothing to correct" exactly for a correct
   * payment.
   */
  private void checkResolution() {
    List<String> causes = new ArrayList<>(MERCHANT_ERRORS);
    causes.addAll(NOT_LIABLE);
    causes.add(NO_DISCREPANCY);
    String cause = requireOneOf(CAUSE, causes.toArray(String[]::new));
    String remedy = requireOneOf(REMEDY, REFUND, BALANCE_ADJUSTMENT, ASSISTANCE, NONE);
    boolean movesMoney = remedy.equals(REFUND) || remedy.equals(BALANCE_ADJUSTMENT);
    Optional<Money> amount = optionalMoney(AMOUNT);
    if (movesMoney && amount.filter(Money::isPositive).isEmpty()) {
      throw new IllegalArgumentException("DISCREPANCY_RESOLVED with " + remedy
          + " needs a positive parameter amount (Money)");
    }
    if (!movesMoney && amount.isPresent()) {
      throw new IllegalArgumentException("DISCREPANCY_RESOLVED with " + remedy + " must not carry parameter amount");
    }
    if (remedy.equals(ASSISTANCE) && !NOT_LIABLE.contains(cause)) {
      throw new IllegalArgumentException("DISCREPANCY_RESOLVED with ASSISTANCE needs a cause we are not liable"
          + " for (" + String.join(", ", NOT_LIABLE) + "), not " + cause);
    }
    if (remedy.equals(NONE) != cause.equals(NO_DISCREPANCY)) {
      throw new IllegalArgumentException("DISCREPANCY_RESOLVED with remedy NONE goes with cause NO_DISCREPANCY"
          + " and only with it, not remedy " + remedy + " with cause " + cause);
    }
  }

  private String requireOneOf(String name, String... allowed) {
    String value = text(name);
    if (!List.of(allowed).contains(value)) {
      throw new IllegalArgumentException(message + " parameter " + name + " must be one of "
          + String.join(", ", allowed) + ", not " + value);
    }
    return value;
  }

  Instant instant(String name) {
    return required(name, Instant.class);
  }

  boolean flag(String name) {
    return required(name, Boolean.class);
  }

  String text(String name) {
    return required(name, String.class);
  }

  /** The value given for a name the message reads, of whatever type, or empty. */
  Optional<Object> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  Optional<String> optionalText(String name) {
    return Optional.ofNullable((String) values.get(name));
  }

  Money money(String name) {
    return required(name, Money.class);
  }

  Optional<Money> optionalMoney(String name) {
    return Optional.ofNullable((Money) values.get(name));
  }

  OfferType offerType() {
    return required(OFFER_TYPE, OfferType.class);
  }

  private <T> T required(String name, Class<T> type) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalStateException(message + " does not read " + name);
    }
    return type.cast(value);
  }
}
