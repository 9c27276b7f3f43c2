package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.commerce.Money;
import org.claimdesk.payment.CasePayouts;
import org.claimdesk.payment.PayoutRefusedException;
import org.claimdesk.refund.RefundVariables;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #20, point 2: task completion trusted any variable. With only the right to work a task, a
 * support agent completed a refund review with {@code customerId}, {@code orderAmount} and an offer
 * of 200.00 on a 90.00 order, and credited a different customer's wallet. Now a completion may set
 * only the variables its form owns (400, nothing changed), amounts are bounded by the order less
 * what was already paid out, and every payout takes customer, payment and amount from the database.
 */
@PostgresIntegrationTest
class TaskCompletionSecurityIT {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  CasePayouts casePayouts;
  @Autowired
  JdbcClient jdbc;

  ClaimdeskApi api;

  @BeforeEach
  void client() {
    api = new ClaimdeskApi(port);
  }

  @Test
  @DisplayName("the original attack: a review completed with customerId, orderAmount and a 200.00 credit is refused, nothing changes")
  void completionWithVariablesTheFormDoesNotOwnIsRefused() {
    Claim claim = claimOn(order(9000));
    String victim = customerOf(order(9000));

    ResponseEntity<String> completed = api.completeTask(claim.review().getId(), "anna", Map.of(
        "reviewDecision", "OFFER", "offerType", "CREDIT", "offerAmount", 200.0,
        "replyMessage", "Here is a credit.", "customerId", victim, "orderAmount", 20000));

    assertThat(completed.getStatusCode().value()).isEqualTo(400);
    assertThat(completed.getBody()).contains("customerId").contains("orderAmount").contains("review-claim")
        .doesNotContain(victim);
    assertThat(taskService.createTaskQuery().taskId(claim.review().getId()).count()).as("the task is still open").isEqualTo(1);
    assertThat(runtimeService.getVariable(claim.instanceId(), RefundVariables.CUSTOMER_ID)).isEqualTo(claim.customerId());
    assertThat(runtimeService.getVariable(claim.instanceId(), RefundVariables.ORDER_AMOUNT)).isEqualTo(9000L);
    assertThat(runtimeService.getVariable(claim.instanceId(), RefundVariables.REVIEW_DECISION)).isNull();
    assertThat(offerOf(claim.reference())).isNull();
  }

  @Test
  @DisplayName("with only the form's fields, an offer above the order is refused by the form rules (RF-8)")
  void offerAboveTheOrderIsRefused() {
    Claim claim = claimOn(order(9000));

    ResponseEntity<String> completed = api.completeTask(claim.review().getId(), "anna", Map.of(
        "reviewDecision", "OFFER", "offerType", "CREDIT", "offerAmount", 200.0, "replyMessage", "Here is a credit."));

    assertThat(completed.getStatusCode().value()).isEqualTo(400);
    assertThat(completed.getBody()).contains("may not exceed the 90.00 EUR left on the order");
    assertThat(offerOf(claim.reference())).isNull();
  }

  @Test
  @DisplayName("a read-only field (the case reference) must come back unchanged")
  void readOnlyFieldCannotBeChanged() {
    Claim claim = claimOn(order(9000));
    Claim other = claimOn(order(9000));

    ResponseEntity<String> completed = api.completeTask(claim.review().getId(), "anna", Map.of(
        "caseReference", other.reference(), "reviewDecision", "ASK_EVIDENCE", "replyMessage", "Please send a photo."));

    assertThat(completed.getStatusCode().value()).isEqualTo(400);
    assertThat(completed.getBody()).contains("caseReference").contains("read-only");
    assertThat(runtimeService.getVariable(claim.instanceId(), RefundVariables.CASE_REFERENCE)).isEqualTo(claim.reference());

    // sent back unchanged, as Tasklist does, it is accepted
    ResponseEntity<String> asTasklist = api.completeTask(claim.review().getId(), "anna", Map.of(
        "caseReference", claim.reference(), "reviewDecision", "ASK_EVIDENCE", "replyMessage", "Please send a photo."));
    assertThat(asTasklist.getStatusCode().value()).as(asTasklist.getBody()).isEqualTo(204);
  }

  @Test
  @DisplayName("setting, updating or removing a task's variables outside its form is refused too (403)")
  void variableWritesOutsideTheFormAreRefused() {
    Claim claim = claimOn(order(9000));
    String task = claim.review().getId();
    String victim = customerOf(order(9000));

    ResponseEntity<String> put = api.http().put().uri("/engine-rest/task/" + task + "/variables/customerId")
        .headers(h -> h.setBasicAuth("anna", "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("value", victim, "type", "String")).retrieve().toEntity(String.class);
    ResponseEntity<String> local = api.http().put().uri("/engine-rest/task/" + task + "/localVariables/orderAmount")
        .headers(h -> h.setBasicAuth("anna", "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("value", 20000, "type", "Long")).retrieve().toEntity(String.class);
    ResponseEntity<String> modify = api.http().post().uri("/engine-rest/task/" + task + "/variables")
        .headers(h -> h.setBasicAuth("anna", "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("modifications", Map.of("paymentId", Map.of("value", "pay-x")))).retrieve().toEntity(String.class);
    ResponseEntity<String> remove = api.http().delete().uri("/engine-rest/task/" + task + "/variables/customerId")
        .headers(h -> h.setBasicAuth("anna", "demo")).retrieve().toEntity(String.class);

    // working a task gives no right to write variables its form does not own: 403, naming the variable
    assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(403);
    assertThat(put.getBody()).contains("customerId").doesNotContain(victim);
    assertThat(local.getStatusCode().value()).as(local.getBody()).isEqualTo(403);
    assertThat(modify.getStatusCode().value()).as(modify.getBody()).isEqualTo(403);
    assertThat(remove.getStatusCode().value()).as(remove.getBody()).isEqualTo(403);
    assertThat(runtimeService.getVariable(claim.instanceId(), RefundVariables.CUSTOMER_ID)).isEqualTo(claim.customerId());
    assertThat(taskService.getVariableLocal(task, RefundVariables.ORDER_AMOUNT)).isNull();
    assertThat(runtimeService.getVariable(claim.instanceId(), RefundVariables.PAYMENT_ID)).isEqualTo(claim.paymentId());
  }

  @Test
  @DisplayName("the payout pays the recorded offer to the case's own payment, whatever the process variables say")
  void payoutTakesCustomerPaymentAndAmountFromTheDatabase() {
    Claim claim = claimOn(order(9000));
    String victimOrder = order(9000);
    ResponseEntity<String> offered = api.completeTask(claim.review().getId(), "anna", Map.of(
        "reviewDecision", "OFFER", "offerType", "PARTIAL_REFUND", "offerAmount", 30.0, "replyMessage", "Part back."));
    assertThat(offered.getStatusCode().value()).as(offered.getBody()).isEqualTo(204);
    // Whatever reached the process variables (a bug, an operator, a future model) must not matter:
    runtimeService.setVariable(claim.instanceId(), RefundVariables.OFFER_AMOUNT_MINOR, 20000L);
    runtimeService.setVariable(claim.instanceId(), RefundVariables.PAYMENT_ID, "it-pay-" + victimOrder.substring(7));
    runtimeService.setVariable(claim.instanceId(), RefundVariables.CUSTOMER_ID, customerOf(victimOrder));

    ResponseEntity<String> accepted = api.http().post().uri("/api/cases/" + claim.reference() + "/offer/accept")
        .header("X-Case-Token", claim.token()).retrieve().toEntity(String.class);
    assertThat(accepted.getStatusCode().value()).isEqualTo(204);
    Job payout = managementService.createJobQuery().processInstanceId(claim.instanceId()).messages().singleResult();
    managementService.executeJob(payout.getId());

    Map<String, Object> paid = jdbc.sql("select payment_id, amount from claimdesk.payout where case_reference = ?")
        .param(claim.reference()).query().singleRow();
    assertThat(paid).containsEntry("payment_id", claim.paymentId()).containsEntry("amount", 3000L);
    assertThat(jdbc.sql("select count(*) from claimdesk.payout where payment_id = ?")
        .param("it-pay-" + victimOrder.substring(7)).query(Long.class).single()).isZero();
  }

  @Test
  @DisplayName("a payout to another customer's payment, or beyond what is left of the order, is refused and records nothing")
  void payoutsAreBoundedByTheMerchantRecords() {
    Claim claim = claimOn(order(9000));
    String victimPayment = "it-pay-" + order(9000).substring(7);

    assertThatThrownBy(() -> casePayouts.refund(claim.reference(), "attack", victimPayment, Money.of(1000, "EUR")))
        .isInstanceOf(PayoutRefusedException.class).hasMessageContaining("not a payment of the case's customer");
    assertThatThrownBy(() -> casePayouts.refund(claim.reference(), "attack", claim.paymentId(), Money.of(20000, "EUR")))
        .isInstanceOf(PayoutRefusedException.class).hasMessageContaining("exceeds what is left");
    casePayouts.refund(claim.reference(), "first", claim.paymentId(), Money.of(6000, "EUR"));
    assertThatThrownBy(() -> casePayouts.credit(claim.reference(), "second", Money.of(5000, "EUR")))
        .isInstanceOf(PayoutRefusedException.class).hasMessageContaining("30.00 EUR of 90.00 EUR");
    assertThat(casePayouts.limit(claim.reference()).remaining()).isEqualTo(Money.of(3000, "EUR"));
    assertThat(jdbc.sql("select count(*) from claimdesk.payout where case_reference = ?").param(claim.reference())
        .query(Long.class).single()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ helpers

  private record Claim(String reference, String token, String instanceId, Task review, String customerId,
      String paymentId) {
  }

  private String order(long amount) {
    return api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), amount);
  }

  private String customerOf(String orderId) {
    return jdbc.sql("select customer_id from claimdesk.shop_order where id = ?").param(orderId).query(String.class).single();
  }

  private Claim claimOn(String orderId) {
    ResponseEntity<JsonNode> filed = api.claim(orderId, "SERVICE_ISSUE", null);
    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    String reference = filed.getBody().path("reference").asText();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_ReviewClaim").singleResult();
    return new Claim(reference, filed.getBody().path("accessToken").asText(), review.getProcessInstanceId(), review,
        customerOf(orderId), "it-pay-" + orderId.substring(7));
  }

  private Object offerOf(String reference) {
    return jdbc.sql("select offer_amount from claimdesk.claim_case where reference = ?").param(reference)
        .query().singleRow().get("offer_amount");
  }
}
