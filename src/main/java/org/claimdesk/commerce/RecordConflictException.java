package org.claimdesk.commerce;

import java.util.List;

import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FieldProblemException;
import org.springframework.http.HttpStatus;

/**
 * 409: the record conflicts with one already stored, typically a replay of a known id with
 * different content. What is stored is left as it is.
 */
public class RecordConflictException extends FieldProblemException {

  public RecordConflictException(String detail, FieldProblem problem) {
    super(HttpStatus.CONFLICT, "Conflict with a stored record", detail, List.of(problem));
  }
}
