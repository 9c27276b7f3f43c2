package org.claimdesk.commerce;

import java.util.List;

import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FieldProblemException;
import org.springframework.http.HttpStatus;

/** 400: the record has missing or invalid fields; nothing was written. */
public class InvalidRecordException extends FieldProblemException {

  public InvalidRecordException(List<FieldProblem> problems) {
    super(HttpStatus.BAD_REQUEST, "Invalid fields",
        "The request has invalid fields: " + describe(problems) + ".", problems);
  }
}
