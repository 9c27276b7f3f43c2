package org.claimdesk.discrepancy;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.engine.InvalidFormInputException;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewDissatisfaction (review-dissatisfaction), on complete: a decision and a note; a note
 * for the investigator joins the investigation notes.
 */
@Component
public class DissatisfactionReviewValidator implements TaskListener {

  private final Clock clock;

  public DissatisfactionReviewValidator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    DiscrepancyVariables v = DiscrepancyVariables.of(task);
    String outcome = v.string(DiscrepancyVariables.REVIEW_OUTCOME);
    if (!"REINVESTIGATE".equals(outcome) && !"UPHOLD".equals(outcome)) {
      throw new InvalidFormInputException("Choose your decision (REINVESTIGATE or UPHOLD).");
    }
    String note = v.string(DiscrepancyVariables.MANAGER_NOTE);
    if (note == null || note.isBlank()) {
      throw new InvalidFormInputException("REINVESTIGATE".equals(outcome)
          ? "Write a note for the investigator: what to look at again."
          : "Write your message to the customer.");
    }
    if (note.length() > 4000) {
      throw new InvalidFormInputException("At most 4000 characters, please.");
    }
    if ("REINVESTIGATE".equals(outcome)) {
      v.addNote(FirstReplySteps.staffTime(clock.instant()) + " Manager reopened the investigation: " + note.strip());
    }
  }
}
