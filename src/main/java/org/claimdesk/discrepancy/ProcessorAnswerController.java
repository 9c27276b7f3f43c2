package org.claimdesk.discrepancy;

import java.security.Principal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/staff/cases/{reference}/processor-answer} {@code {answeredBy: PROCESSOR|BANK, answer}}:
 * the answer to an investigator's request (PD-3), for finance, managers and the shop's systems
 * (HTTP Basic, see {@code ApiSecurityConfig}). 204; 404 for no such discrepancy case; 409 when
 * the case does not wait for an answer.
 */
@RestController
class ProcessorAnswerController {

  private final ProcessorAnswers answers;

  ProcessorAnswerController(ProcessorAnswers answers) {
    this.answers = answers;
  }

  @PostMapping(path = "/api/staff/cases/{reference}/processor-answer", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> answer(@PathVariable String reference, @RequestBody ProcessorAnswers.ProcessorAnswer body,
      Principal who) {
    answers.record(reference, body, who == null ? "?" : who.getName());
    return ResponseEntity.noContent().build();
  }
}
