package org.claimdesk.cases;

import java.util.List;

import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FieldProblemException;
import org.springframework.http.HttpStatus;

/** 409: the case is not waiting for what the customer sent (or cannot take it any more); nothing was stored. */
public class CaseNotWaitingException extends FieldProblemException {

  public CaseNotWaitingException(String detail) {
    super(HttpStatus.CONFLICT, "Case not waiting for this", detail, List.of());
  }

  public CaseNotWaitingException(String detail, FieldProblem problem) {
    super(HttpStatus.CONFLICT, "Case not waiting for this", detail, List.of(problem));
  }
}
