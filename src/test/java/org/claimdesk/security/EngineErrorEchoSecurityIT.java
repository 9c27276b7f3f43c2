package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.claimdesk.testsupport.CamundaWebapps;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #20, point 7: when a command failed on an expression, the engine's REST APIs answered 500
 * with the expression and the value it worked on ({@code Cannot coerce '<value>' to class
 * java.lang.Long}), to whoever sent the command. The probe process's gateway compares a text
 * variable with a number once the support task is completed: the answer is now a plain 400 on both
 * {@code /engine-rest} and Tasklist's {@code /camunda/api/engine}, with an error id and neither
 * the value nor the expression, and the task is still there. Other errors keep their message.
 */
@PostgresIntegrationTest
class EngineErrorEchoSecurityIT {

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ObjectMapper objectMapper;

  String secret;
  String taskId;

  @BeforeEach
  void probeWithASecretValue() throws Exception {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("echo-probe").count() == 0) {
      repositoryService.createDeployment().name("echo-probe")
          .addInputStream("echo-probe.bpmn", new ClassPathResource("security/echo-probe.bpmn").getInputStream())
          .addInputStream("echo-probe-work.form", new ClassPathResource("security/echo-probe-work.form").getInputStream())
          .deploy();
    }
    secret = "tok-" + UUID.randomUUID();
    String instanceId = runtimeService.startProcessInstanceByKey("echo-probe", Map.of("probeNote", secret)).getId();
    taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  @Test
  @DisplayName("/engine-rest: a completion failing on the gateway's expression is a plain 400 without the value or the expression")
  void engineRestAnswersPlainly() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + "/complete"))
        .header("Authorization", basic("anna"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertPlain(answer);
  }

  @Test
  @DisplayName("Tasklist's /camunda/api/engine: the same completion gets the same plain 400")
  void tasklistApiAnswersPlainly() throws Exception {
    CamundaWebapps.Session anna = CamundaWebapps.login(port, "tasklist", "anna", "demo");
    assertThat(anna.loginStatus()).isEqualTo(200);

    HttpResponse<String> answer = anna.postJson("/api/engine/engine/default/task/" + taskId + "/complete",
        "{\"variables\":{}}");

    assertPlain(answer);
  }

  @Test
  @DisplayName("errors that carry no evaluation keep their message: an unknown task is a 404 naming it")
  void otherErrorsKeepTheirMessage() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/engine-rest/task/no-such-task/complete"))
        .header("Authorization", basic("anna"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
    assertThat(objectMapper.readTree(answer.body()).path("message").asText()).contains("no-such-task");
  }

  private void assertPlain(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/json"));
    assertThat(answer.body()).doesNotContain(secret).doesNotContain("probeNote").doesNotContain("${")
        .doesNotContainIgnoringCase("coerce");
    JsonNode error = objectMapper.readTree(answer.body());
    assertThat(error.path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(error.path("message").asText()).contains("nothing was changed")
        .containsPattern("error [0-9a-f-]{36}");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
