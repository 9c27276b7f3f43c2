package org.claimdesk.cases;

import java.util.List;

import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FieldProblemException;
import org.springframework.http.HttpStatus;

/** 409: the {@code Idempotency-Key} was used before with a different request; nothing was written. */
public class IdempotencyKeyConflictException extends FieldProblemException {

  public IdempotencyKeyConflictException() {
    super(HttpStatus.CONFLICT, "Idempotency key reused",
        "This Idempotency-Key was used with a different request; use a new key for a new request.",
        List.of(new FieldProblem(IdempotentRequests.HEADER, "was used with a different request")));
  }
}
