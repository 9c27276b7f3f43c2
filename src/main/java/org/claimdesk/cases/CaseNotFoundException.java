package org.claimdesk.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 404: no case with that reference, or a wrong or missing access token. The two are never told
 * apart: the answer is the same, word for word.
 */
public class CaseNotFoundException extends ErrorResponseException {

  public CaseNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "No case with this reference and access token.");
    problem.setTitle("Case not found");
    return problem;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
