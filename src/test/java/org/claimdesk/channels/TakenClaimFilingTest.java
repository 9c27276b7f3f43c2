package org.claimdesk.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.claimdesk.cases.CaseChannel;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.ChannelFiling;
import org.claimdesk.cases.ClaimAnswer;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.commerce.UnprocessableRecordException;
import org.claimdesk.engine.AccessSetup;
import org.claimdesk.engine.InvalidFormInputException;
import org.claimdesk.web.CustomerPageTexts;
import org.claimdesk.web.FieldProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The start form's values as the web's intake gets them (TakenClaimFiling), and the four
 * {@code take-*-claim} models agreeing with the Java that serves them.
 */
class TakenClaimFilingTest {

  private final ChannelFiling channelFiling = mock(ChannelFiling.class);
  private final CustomerPageTexts texts = mock(CustomerPageTexts.class);
  private final TakenClaimFiling filing = new TakenClaimFiling(channelFiling, texts);

  private static final FiledClaim OPENED = new FiledClaim(FiledClaim.CREATED, new ClaimAnswer("CD-AB12CD34",
      CaseType.REFUND_REQUEST, CaseStatus.IN_REVIEW, null, null, null, "token"), false);

  @BeforeEach
  void texts() {
    when(texts.text(any(), anyString(), any(Object[].class))).thenAnswer(call -> "text of " + call.getArgument(1));
  }

  @Test
  @DisplayName("files the claim's fields only, keyed by the process instance, with the channel")
  @SuppressWarnings("unchecked")
  void filesTheClaimFieldsKeyedByTheInstance() {
    when(channelFiling.file(anyString(), anyMap(), anyString(), any())).thenReturn(OPENED);
    Map<String, Object> values = refund("PHONE");
    values.put("caseReference", "CD-FORGED1");
    values.put("policyProfile", "GENEROUS");

    FiledClaim filed = filing.file(TakenClaimForm.REFUND, values, "pi-42");

    assertThat(filed).isSameAs(OPENED);
    ArgumentCaptor<Map<String, String>> fields = ArgumentCaptor.forClass(Map.class);
    verify(channelFiling).file(eq("refund"), fields.capture(), eq("tasklist:pi-42"), eq(CaseChannel.PHONE));
    assertThat(fields.getValue()).containsOnlyKeys("orderId", "email", "reason", "description", "language")
        .containsEntry("orderId", "ord-1").containsEntry("email", "camille@example.com");
  }

  @Test
  @DisplayName("a checkbox is sent as true/false, a number without a trailing .0, and the discrepancy keeps its channel")
  @SuppressWarnings("unchecked")
  void valuesAsTheStartPageSendsThem() {
    when(channelFiling.file(anyString(), anyMap(), anyString(), any())).thenReturn(OPENED);
    Map<String, Object> cancellation = new LinkedHashMap<>(Map.of("channel", "CHAT", "email", "c@example.com",
        "subscriptionId", "sub-1", "mode", "IMMEDIATE", "refundRequested", Boolean.TRUE, "reason", "OTHER",
        "language", "fr"));
    Map<String, Object> discrepancy = new LinkedHashMap<>(Map.of("channel", "PHONE", "email", "c@example.com",
        "paymentId", "pay-1", "kind", "AMOUNT_MISMATCH", "expectedAmount", 12.0, "description", "Too much.",
        "language", "en"));

    filing.file(TakenClaimForm.CANCELLATION, cancellation, "pi-1");
    filing.file(TakenClaimForm.DISCREPANCY, discrepancy, "pi-2");

    ArgumentCaptor<Map<String, String>> fields = ArgumentCaptor.forClass(Map.class);
    verify(channelFiling).file(eq("cancellation"), fields.capture(), eq("tasklist:pi-1"), eq(CaseChannel.CHAT));
    assertThat(fields.getValue()).containsEntry("refundRequested", "true").doesNotContainKey("channel");
    verify(channelFiling).file(eq("discrepancy"), fields.capture(), eq("tasklist:pi-2"), eq(CaseChannel.PHONE));
    assertThat(fields.getValue()).containsEntry("expectedAmount", "12").containsEntry("channel", "PHONE");
  }

  @Test
  @DisplayName("no channel, or one an agent does not take claims by: refused naming channel, nothing filed")
  void channelIsPhoneOrChat() {
    for (String channel : new String[] {null, "WEB", "EMAIL", "FAX"}) {
      assertThatThrownBy(() -> filing.file(TakenClaimForm.REFUND, refund(channel), "pi-1"))
          .isInstanceOf(InvalidFormInputException.class)
          .hasMessageContaining("channel (must be one of PHONE, CHAT)")
          .hasMessageContaining("nothing was saved");
    }
    verify(channelFiling, never()).file(anyString(), anyMap(), anyString(), any());
  }

  @Test
  @DisplayName("the start page's own checks come first: a malformed amount or id is named, nothing filed")
  void startPageChecksFirst() {
    Map<String, Object> discrepancy = new LinkedHashMap<>(Map.of("channel", "PHONE", "email", "c@example.com",
        "paymentId", "pay 1", "kind", "AMOUNT_MISMATCH", "expectedAmount", "twelve", "description", "Too much.",
        "language", "en"));

    assertThatThrownBy(() -> filing.file(TakenClaimForm.DISCREPANCY, discrepancy, "pi-1"))
        .isInstanceOf(InvalidFormInputException.class)
        .hasMessageContaining("expectedAmount (text of invalid.amount)")
        .hasMessageContaining("paymentId (text of invalid.id)");
    verify(channelFiling, never()).file(anyString(), anyMap(), anyString(), any());
  }

  @Test
  @DisplayName("the intake's refusals (400, 422) become the agent's message, naming each field")
  void intakeRefusalsNameTheFields() {
    when(channelFiling.file(anyString(), anyMap(), anyString(), any()))
        .thenThrow(new UnprocessableRecordException(List.of(
            new FieldProblem("orderId", "no order with this id was placed with this email address"),
            new FieldProblem("email", "no order with this id was placed with this email address"))))
        .thenThrow(new InvalidRecordException(List.of(new FieldProblem("language", "must be one of en, fr"))));

    assertThatThrownBy(() -> filing.file(TakenClaimForm.REFUND, refund("PHONE"), "pi-1"))
        .isInstanceOf(InvalidFormInputException.class)
        .hasMessage("The claim was not filed (nothing was saved); check email (no order with this id was placed"
            + " with this email address); orderId (no order with this id was placed with this email address).");
    assertThatThrownBy(() -> filing.file(TakenClaimForm.REFUND, refund("PHONE"), "pi-2"))
        .isInstanceOf(InvalidFormInputException.class)
        .hasMessageContaining("language (must be one of en, fr)");
  }

  @ParameterizedTest
  @EnumSource(TakenClaimForm.class)
  @DisplayName("each take-*-claim model: its key, its start form (the form's fields are the variables read) and its step")
  void modelsAgreeWithTheJava(TakenClaimForm form) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", form.processKey() + ".bpmn").toFile());
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    StartEvent start = model.getModelElementsByType(StartEvent.class).iterator().next();
    ServiceTask open = model.getModelElementsByType(ServiceTask.class).iterator().next();
    JsonNode json = new ObjectMapper().readTree(Files.readString(Path.of("forms", form.processKey() + ".form")));
    List<String> keys = new ArrayList<>();
    json.path("components").forEach(component -> {
      if (component.hasNonNull("key")) {
        keys.add(component.path("key").asText());
      }
    });

    assertThat(AccessSetup.STAFF_STARTED_PROCESSES).contains(process.getId());
    assertThat(process.getCamundaCandidateStarterGroups()).isEqualTo("support");
    assertThat(start.getCamundaFormRef()).isEqualTo(json.path("id").asText()).isEqualTo(form.processKey());
    assertThat(keys).containsExactlyInAnyOrderElementsOf(form.formFields());
    String member = "open" + form.name().charAt(0) + form.name().substring(1).toLowerCase() + "Case";
    assertThat(open.getCamundaDelegateExpression()).isEqualTo("${takenClaims." + member + "}");
    assertThat(open.isCamundaAsyncBefore()).as("filed in the start's own transaction").isFalse();
  }

  private static Map<String, Object> refund(String channel) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (channel != null) {
      values.put("channel", channel);
    }
    values.put("email", "camille@example.com");
    values.put("orderId", "ord-1");
    values.put("reason", "SERVICE_ISSUE");
    values.put("description", "It stopped.");
    values.put("language", "en");
    return values;
  }
}
