package org.claimdesk.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.ClaimAnswer;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.engine.InvalidFormInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The four {@code take-*-claim} processes on a real engine (H2, no Spring): submitting the start
 * form runs "Open the case" in the start's own transaction and ends at "Case opened" with what
 * filing gave; a refused claim fails the start and leaves no instance.
 */
@Deployment(resources = {"processes/take-refund-claim.bpmn", "forms/take-refund-claim.form",
    "processes/take-cancellation-claim.bpmn", "forms/take-cancellation-claim.form",
    "processes/take-discrepancy-claim.bpmn", "forms/take-discrepancy-claim.form",
    "processes/take-wallet-claim.bpmn", "forms/take-wallet-claim.form"})
class TakeClaimProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  TakenClaimFiling filing;

  @BeforeEach
  void wire() {
    engine = extension.getProcessEngine();
    filing = mock(TakenClaimFiling.class);
    Mocks.register("takenClaims", new TakenClaims(filing));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @ParameterizedTest
  @EnumSource(TakenClaimForm.class)
  @DisplayName("the start form's values are filed, keyed by the instance; it ends at Case opened with the case's reference")
  void startFormFilesTheClaim(TakenClaimForm form) {
    when(filing.file(eq(form), anyMap(), anyString())).thenReturn(answer(FiledClaim.CREATED));
    Map<String, Object> values = valuesOf(form);

    ProcessInstance instance = submit(form, values);

    assertThat(instance).isEnded().hasPassedInOrder("Event_ClaimTaken", "Task_OpenCase", "Event_CaseOpened");
    verify(filing).file(form, values, instance.getId());
    assertThat(variablesOf(instance)).containsEntry("caseReference", "CD-AB12CD34")
        .containsEntry("caseStatus", "IN_REVIEW").containsEntry("filedAs", "NEW_CASE");
  }

  @Test
  @DisplayName("a claim answered with the case already open on the subject: filedAs OPEN_CASE, same end")
  void answeredWithTheOpenCase() {
    when(filing.file(any(), anyMap(), anyString())).thenReturn(answer(FiledClaim.EXISTING));

    ProcessInstance instance = submit(TakenClaimForm.REFUND, valuesOf(TakenClaimForm.REFUND));

    assertThat(instance).isEnded().hasPassed("Event_CaseOpened");
    assertThat(variablesOf(instance)).containsEntry("caseReference", "CD-AB12CD34").containsEntry("filedAs", "OPEN_CASE");
  }

  @Test
  @DisplayName("a refused claim fails the start with the message naming the field: no instance, nothing in history")
  void refusedClaimStartsNothing() {
    when(filing.file(any(), anyMap(), anyString())).thenThrow(new InvalidFormInputException(
        "The claim was not filed (nothing was saved); check email (no order with this id was placed with this email address)."));

    assertThatThrownBy(() -> submit(TakenClaimForm.REFUND, valuesOf(TakenClaimForm.REFUND)))
        .isInstanceOf(InvalidFormInputException.class)
        .hasMessageContaining("email (no order with this id");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(TakenClaimForm.REFUND.processKey()).count()).isZero();
  }

  private ProcessInstance submit(TakenClaimForm form, Map<String, Object> values) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(form.processKey()).latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definitionId, values);
  }

  private Map<String, Object> variablesOf(ProcessInstance instance) {
    Map<String, Object> variables = new LinkedHashMap<>();
    List<HistoricVariableInstance> list = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list();
    list.forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    return variables;
  }

  private static Map<String, Object> valuesOf(TakenClaimForm form) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : form.formFields()) {
      values.put(field, switch (field) {
        case "channel" -> "PHONE";
        case "refundRequested" -> Boolean.FALSE;
        default -> field + "-value";
      });
    }
    return values;
  }

  private static FiledClaim answer(int status) {
    return new FiledClaim(status, new ClaimAnswer("CD-AB12CD34", CaseType.REFUND_REQUEST, CaseStatus.IN_REVIEW, null,
        null, null, null), false);
  }
}
