package org.claimdesk.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused for reasons that name fields: rendered by {@link ApiExceptionHandler} as
 * {@code application/problem+json} with the status, a {@code detail} naming the fields and an
 * {@code errors} array {@code [{field, message}]}. Feature packages subclass it for their
 * outcomes (invalid record, conflicting replay, reference that does not fit).
 */
public class FieldProblemException extends ErrorResponseException {

  /** The problem property that carries the offending fields. */
  public static final String ERRORS_PROPERTY = "errors";

  private final List<FieldProblem> fieldProblems;

  public FieldProblemException(HttpStatus status, String title, String detail,
      List<FieldProblem> fieldProblems) {
    super(status, problem(status, title, detail, fieldProblems), null);
    this.fieldProblems = List.copyOf(fieldProblems);
  }

  public List<FieldProblem> fieldProblems() {
    return fieldProblems;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }

  /** A problem with the given fields, sorted by field name so answers are stable. */
  public static ProblemDetail problem(HttpStatus status, String title, String detail,
      List<FieldProblem> fieldProblems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty(ERRORS_PROPERTY, fieldProblems.stream()
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
        .toList());
    return problem;
  }

  /** "amount (must be greater than 0); customer.email (must be a well-formed email address)". */
  public static String describe(List<FieldProblem> fieldProblems) {
    return fieldProblems.stream()
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
        .map(p -> p.field() + " (" + p.message() + ")")
        .collect(Collectors.joining("; "));
  }
}
