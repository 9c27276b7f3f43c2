package org.claimdesk.web;

import java.util.Objects;

/**
 * One offending field of a request, named by its JSON path ({@code "customer.email"},
 * {@code "items[2].amount"}), as listed in the {@code errors} array of a problem answer.
 */
public record FieldProblem(String field, String message) {

  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
