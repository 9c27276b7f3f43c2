package org.claimdesk.commerce;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no record of that kind with that id. */
public class RecordNotFoundException extends ErrorResponseException {

  public RecordNotFoundException(String kind, String id) {
    super(HttpStatus.NOT_FOUND, problem(kind, id), null);
  }

  private static ProblemDetail problem(String kind, String id) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        ShopId.Rule.matches(id) ? "No " + kind + " with id '" + id + "'." : "No " + kind + " with that id.");
    problem.setTitle("Not found");
    return problem;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
