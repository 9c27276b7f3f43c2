package org.claimdesk.commerce;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.claimdesk.web.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Bean Validation of the merchant records, with each violation named by its JSON path
 * ({@code customer.email}). Services run it themselves, so every caller (the API, the demo
 * data, a process) gets the same checks.
 */
@Component
class RecordValidator {

  private final Validator validator;

  RecordValidator(Validator validator) {
    this.validator = validator;
  }

  /** The violations of {@code record}, as field problems; empty when it is valid. */
  List<FieldProblem> problems(Object record) {
    List<FieldProblem> problems = new ArrayList<>();
    if (record == null) {
      problems.add(new FieldProblem("", "the request body is required"));
      return problems;
    }
    for (ConstraintViolation<Object> violation : validator.validate(record)) {
      problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    return problems;
  }

  /** Throws {@link InvalidRecordException} (400) naming every problem, if there is any. */
  static void rejectIfAny(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
  }
}
