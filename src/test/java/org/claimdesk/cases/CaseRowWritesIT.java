package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How often one refund case writes its row of {@code claimdesk.claim_case} (issue #21: one write
 * per business event). A trigger, there only for this test, records every row written; the case
 * goes the benchmark's refund path: a service claim (RF-4), the agent's 30.00 EUR offer, the
 * customer's acceptance, the payout exactly once, resolved (RF-8). The figure is printed and bounded,
 * so a change that writes the row more often fails here.
 */
@PostgresIntegrationTest
class CaseRowWritesIT {

  /**
   * Row writes of the path below after the insert: 18 before one change per step (issue #21),
   * 7 with it (intake's process instance id, acknowledgement, review opened, first reply stamped,
   * offer made, payment started, resolved).
   */
  static final int MAX_UPDATES = 7;

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;

  @BeforeEach
  void countRowWrites() {
    jdbc.sql("create table if not exists claimdesk.it_case_row_write (reference varchar(11), operation varchar(6),"
        + " status varchar(30), at timestamp with time zone default clock_timestamp())").update();
    jdbc.sql("""
        create or replace function claimdesk.it_record_case_row_write() returns trigger language plpgsql as $$
        begin
          insert into claimdesk.it_case_row_write (reference, operation, status) values (new.reference, tg_op, new.status);
          return new;
        end $$""").update();
    jdbc.sql("drop trigger if exists it_case_row_write on claimdesk.claim_case").update();
    jdbc.sql("create trigger it_case_row_write after insert or update on claimdesk.claim_case"
        + " for each row execute function claimdesk.it_record_case_row_write()").update();
  }

  @AfterEach
  void stopCounting() {
    jdbc.sql("drop trigger if exists it_case_row_write on claimdesk.claim_case").update();
    jdbc.sql("drop function if exists claimdesk.it_record_case_row_write()").update();
    jdbc.sql("drop table if exists claimdesk.it_case_row_write").update();
  }

  @Test
  @DisplayName("RF-4 / RF-8: a refund case from claim to payout writes its row once on insert and at most 7 times after")
  void refundPathRowWrites() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String orderId = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 9000);
    ResponseEntity<JsonNode> filed = api.claim(orderId, "SERVICE_ISSUE", null);
    String reference = filed.getBody().path("reference").asText();
    String token = filed.getBody().path("accessToken").asText();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    assertThat(api.completeTask(review.getId(), "anna", Map.of("reviewDecision", "OFFER", "offerType",
        "PARTIAL_REFUND", "offerAmount", 30.0, "replyMessage", "Here is part of your money back."))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(api.http().post().uri("/api/cases/" + reference + "/offer/accept").header("X-Case-Token", token)
        .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);
    EngineJobs.executeAsyncJobs(managementService, runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).singleResult().getId());
    assertThat(api.caseOf(reference, token).path("status").asText()).isEqualTo("RESOLVED");

    List<String> writes = jdbc.sql("select operation || ' ' || status from claimdesk.it_case_row_write"
        + " where reference = :reference order by at").param("reference", reference).query(String.class).list();
    long updates = writes.stream().filter(write -> write.startsWith("UPDATE")).count();
    System.out.println("Case row writes of refund case " + reference + ": " + updates + " updates " + writes);

    assertThat(writes).first().asString().startsWith("INSERT");
    assertThat(updates).isLessThanOrEqualTo(MAX_UPDATES);
  }
}
