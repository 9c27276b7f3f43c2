package org.claimdesk.refund;

import org.claimdesk.cases.CaseOffer;
import org.claimdesk.cases.OfferType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PresentOffer (RF-8): the offer goes to the customer for consent; the agent's words go with it unless they went out already while a manager approved. */
@Component
public class PresentOfferDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public PresentOfferDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    OfferType type = v.offerType();
    CaseOffer offer = new CaseOffer(type, v.offerAmount(), v.string(RefundVariables.OFFER_DESCRIPTION));
    String agentMessage = v.flag(RefundVariables.APPROVAL_REQUIRED) ? null : v.string(RefundVariables.REPLY_MESSAGE);
    steps.presentOffer(v.caseReference(), offer, agentMessage);
    v.set(RefundVariables.RESOLUTION, type.name());
  }
}
