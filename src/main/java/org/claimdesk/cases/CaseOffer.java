package org.claimdesk.cases;

import java.util.Objects;

import org.claimdesk.commerce.Money;

/**
 * A resolution put to the customer for consent (RF-8). {@code amount} is null for an
 * ALTERNATIVE; {@code description} says what is offered in the agent's words.
 */
public record CaseOffer(OfferType type, Money amount, String description) {

  public CaseOffer {
    Objects.requireNonNull(type, "type");
    if (type.movesMoney() && (amount == null || !amount.isPositive())) {
      throw new IllegalArgumentException("A " + type + " offer needs a positive amount");
    }
  }
}
