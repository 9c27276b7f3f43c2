package org.claimdesk.discrepancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.claimdesk.cases.CaseNotWaitingException;
import org.claimdesk.cases.CaseReferences;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseType;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.commerce.RecordNotFoundException;
import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FreeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processor's or bank's answer to an investigator's request (PD-3), brought in by finance or
 * by the shop's systems: correlated as {@link DiscrepancyProcess#MESSAGE_PROCESSOR_ANSWERED} to the
 * case's process, which must be waiting for it (409 otherwise, and nothing is kept).
 */
@Service
class ProcessorAnswers {

  static final int MAX_ANSWER = 4000;
  private static final Logger log = LoggerFactory.getLogger(ProcessorAnswers.class);

  /** {@code POST /api/staff/cases/{reference}/processor-answer}. */
  record ProcessorAnswer(String answeredBy, String answer) {
  }

  private final CaseService cases;
  private final RuntimeService runtime;

  ProcessorAnswers(CaseService cases, RuntimeService runtime) {
    this.cases = cases;
    this.runtime = runtime;
  }

  @Transactional
  public void record(String reference, ProcessorAnswer body, String who) {
    String canonical = CaseReferences.normalize(reference);
    boolean discrepancy = canonical != null && cases.find(canonical)
        .filter(c -> c.type() == CaseType.PAYMENT_DISCREPANCY).isPresent();
    if (!discrepancy) {
      throw new RecordNotFoundException("payment discrepancy case", reference);
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (body == null) {
      problems.add(new FieldProblem("", "the request body is required"));
    } else {
      if (!"PROCESSOR".equals(body.answeredBy()) && !"BANK".equals(body.answeredBy())) {
        problems.add(new FieldProblem("answeredBy", "must be one of PROCESSOR, BANK"));
      }
      if (body.answer() == null || body.answer().isBlank()) {
        problems.add(new FieldProblem("answer", "must not be blank"));
      } else {
        FreeText.problem("answer", body.answer(), MAX_ANSWER).ifPresent(problems::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable("caseReference", canonical)) {
      runtime.createMessageCorrelation(DiscrepancyProcess.MESSAGE_PROCESSOR_ANSWERED)
          .processInstanceBusinessKey(canonical)
          .setVariables(Map.of(DiscrepancyVariables.ANSWERED_BY, body.answeredBy(),
              DiscrepancyVariables.PROCESSOR_ANSWER, body.answer().strip()))
          .correlateWithResult();
      log.info("Answer from {} recorded by {}", body.answeredBy(), who);
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw new CaseNotWaitingException("The case is not waiting for an answer from the processor or a bank;"
          + " nothing was stored.");
    }
  }
}
