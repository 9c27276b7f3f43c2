package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendRefusal: refuses the claim citing the rule: the decision's at once, else the agent's or manager's choice. */
@Component
public class SendRefusalDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public SendRefusalDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    String chosen = v.string(RefundVariables.REFUSAL_RULE_ID);
    String ruleId = chosen != null ? chosen : v.string(RefundVariables.RULE_ID);
    steps.refuse(v.caseReference(), ruleId, v.string(RefundVariables.REPLY_MESSAGE));
  }
}
