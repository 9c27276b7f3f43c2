package org.claimdesk.notification;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

  /** The values of {@link #MODE} (SC-2). */
  static final String IMMEDIATE = "IMMEDIATE";
  static final String END_OF_CYCLE = "END_OF_CYCLE";
  /** The values of {@link #REFUND_DECISION} (SC-3, SC-4). */
  static final String REFUND = "REFUND";
  static final String NO_REFUND = "NO_REFUND";

  /** The messages whose {@link #AMOUNT} is a recharge, which is never zero or negative. */
  private static final Set<CustomerMessage> POSITIVE_AMOUNT = EnumSet.of(
      CustomerMessage.RECHARGE_WAIT, CustomerMessage.RECHARGE_CREDITED, CustomerMessage.RECHARGE_ARRIVED);

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
      case EVIDENCE_REMINDER, OFFER_REMINDER, FEEDBACK_REQUESTED -> specs(RESPOND_BY, instant);
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
    if (POSITIVE_AMOUNT.contains(message) && !checked.money(AMOUNT).isPositive()) {
      throw new IllegalArgumentException(message + " needs a positive parameter amount (Money), not "
          + checked.money(AMOUNT));
    }
    return checked;
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
