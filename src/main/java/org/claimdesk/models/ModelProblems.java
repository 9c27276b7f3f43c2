package org.claimdesk.models;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The pipeline's refusals that name no field (not found, not ready, cannot migrate), as problem+json. */
final class ModelProblems {

  private ModelProblems() {
  }

  static ErrorResponseException of(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
