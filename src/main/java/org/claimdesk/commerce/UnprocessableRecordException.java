package org.claimdesk.commerce;

import java.util.List;

import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FieldProblemException;
import org.springframework.http.HttpStatus;

/**
 * 422: a well-formed record that refers to something that does not exist or does not fit
 * (an unknown order, a currency other than the order's, a wallet without enough balance).
 * Nothing was written.
 */
public class UnprocessableRecordException extends FieldProblemException {

  public UnprocessableRecordException(List<FieldProblem> problems) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "Record does not fit the stored data",
        "The record cannot be accepted: " + describe(problems) + ".", problems);
  }

  public UnprocessableRecordException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }
}
