package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.ModelLayout;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue #20, point 1: deploying a model ran arbitrary code. A member of {@code analysts} deployed,
 * as Camunda Modeler does, models whose expressions reached every Spring bean and Java reflection;
 * a timer start event evaluated during the deploy request itself. Each attack below is refused with
 * a 400 naming the element and the expression, nothing is deployed, nothing runs; a clean model
 * still deploys, and every deployment is recorded (who, when, which resources).
 */
@PostgresIntegrationTest
class ModelDeploymentSecurityIT {

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  org.claimdesk.cases.ServiceLevels serviceLevels;

  ClaimdeskApi api;
  String name;

  @BeforeEach
  void client() {
    api = new ClaimdeskApi(port);
    name = "attack-" + UUID.randomUUID();
  }

  @AfterEach
  void removeDeployments() {
    repositoryService.createDeploymentQuery().deploymentName(name).list()
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  @Test
  @DisplayName("a timer start event reading the case table through a bean is refused at parse time, before it is evaluated")
  void timerStartEventReachingABeanIsRefused() {
    long casesBefore = cases();
    ResponseEntity<String> deployed = deploy("attack.bpmn", process("""
        <bpmn:startEvent id="Event_Tick">
          <bpmn:timerEventDefinition id="TimerEventDefinition_Tick">
            <bpmn:timeDate>${jdbcCaseService.find('CD-AAAAAAAA').toString()}</bpmn:timeDate>
          </bpmn:timerEventDefinition>
        </bpmn:startEvent>"""));

    assertRefused(deployed, "TimerEventDefinition_Tick", "jdbcCaseService.find");
    assertThat(cases()).isEqualTo(casesBefore);
  }

  @Test
  @DisplayName("reflection from an allow-listed bean (getClass, forName) is refused")
  void reflectionIsRefused() {
    ResponseEntity<String> deployed = deploy("attack.bpmn", process("""
        <bpmn:startEvent id="Event_Start" name="Started" />
        <bpmn:sequenceFlow id="Flow_Go" sourceRef="Event_Start" targetRef="Task_Run" />
        <bpmn:serviceTask id="Task_Run" camunda:expression="${serviceLevels.getClass().forName('java.lang.Runtime')}" />"""));

    assertRefused(deployed, "Task_Run", "getClass");
  }

  @Test
  @DisplayName("the engine's own objects (execution.getProcessEngineServices()) are refused")
  void engineObjectsAreRefused() {
    ResponseEntity<String> deployed = deploy("attack.bpmn", process("""
        <bpmn:startEvent id="Event_Start" name="Started" />
        <bpmn:sequenceFlow id="Flow_Go" sourceRef="Event_Start" targetRef="Event_End">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getProcessEngineServices() != null}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:endEvent id="Event_End" name="Done" />"""));

    assertRefused(deployed, "Flow_Go", "getProcessEngineServices");
  }

  @Test
  @DisplayName("script tasks and script listeners are refused in every language, juel included")
  void scriptsAreRefused() {
    assertRefused(deploy("attack.bpmn", process("""
        <bpmn:startEvent id="Event_Start" name="Started" />
        <bpmn:sequenceFlow id="Flow_Go" sourceRef="Event_Start" targetRef="Task_Script" />
        <bpmn:scriptTask id="Task_Script" scriptFormat="juel"><bpmn:script>${1}</bpmn:script></bpmn:scriptTask>""")),
        "Task_Script", "scripts are not allowed");
    assertRefused(deploy("attack.bpmn", process("""
        <bpmn:startEvent id="Event_Start">
          <bpmn:extensionElements>
            <camunda:executionListener event="start"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:executionListener>
          </bpmn:extensionElements>
        </bpmn:startEvent>""")), "Event_Start", "scripts are not allowed");
  }

  @Test
  @DisplayName("a Java class named by the model is refused")
  void javaClassesAreRefused() {
    assertRefused(deploy("attack.bpmn", process("""
        <bpmn:startEvent id="Event_Start" name="Started" />
        <bpmn:sequenceFlow id="Flow_Go" sourceRef="Event_Start" targetRef="Task_Run" />
        <bpmn:serviceTask id="Task_Run" camunda:class="org.claimdesk.cases.CaseTokens" />""")),
        "Task_Run", "Java class");
  }

  @Test
  @DisplayName("a decision in JavaScript and a file that is not a model are refused")
  void otherLanguagesAndFilesAreRefused() {
    ResponseEntity<String> dmn = deploy("attack.dmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Attack" name="x"
            namespace="http://claimdesk.org/dmn" expressionLanguage="javascript">
          <decision id="attackDecision" name="x">
            <decisionTable id="DecisionTable_Attack">
              <input id="Input_X"><inputExpression id="InputExpression_X" typeRef="string"><text>x</text></inputExpression></input>
              <output id="Output_Y" name="y" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>""");
    assertThat(dmn.getStatusCode().value()).as(dmn.getBody()).isEqualTo(400);
    assertThat(dmn.getBody()).contains("FEEL only").contains("javascript");

    ResponseEntity<String> script = deploy("attack.groovy", "new File('/etc/passwd').text");
    assertThat(script.getStatusCode().value()).as(script.getBody()).isEqualTo(400);
    assertThat(script.getBody()).contains("only BPMN");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  @Test
  @DisplayName("a clean model deploys and is recorded with who, which resources and their hash")
  void cleanModelDeploysAndIsRecorded() {
    ResponseEntity<String> deployed = deploy("clean.bpmn", process("""
        <bpmn:startEvent id="Event_Start" name="Started"><bpmn:outgoing>Flow_Go</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_Go" name="in review" sourceRef="Event_Start" targetRef="Event_End">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${verdict == 'REVIEW'}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:endEvent id="Event_End" name="Done"><bpmn:incoming>Flow_Go</bpmn:incoming></bpmn:endEvent>"""));

    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
    Map<String, Object> audit = jdbc.sql("select deployed_by, source, resources from claimdesk.deployment_audit where name = ?")
        .param(name).query().singleRow();
    assertThat(audit).containsEntry("deployed_by", "alex").containsEntry("source", "Camunda Modeler");
    assertThat((String) audit.get("resources")).matches("clean\\.bpmn sha256:[0-9a-f]{64}");
    // The model-change history lists it too (issue #23), with the deployment it became.
    String deploymentId = repositoryService.createDeploymentQuery().deploymentName(name).singleResult().getId();
    Map<String, Object> change = jdbc.sql("select status, proposed_by, deployed_by from claimdesk.model_change"
        + " where deployment_id = ?").param(deploymentId).query().singleRow();
    assertThat(change).containsEntry("status", "DEPLOYED").containsEntry("proposed_by", "alex")
        .containsEntry("deployed_by", "alex");
  }

  @Test
  @DisplayName("a bean off the allow-list is not even resolvable at run time: the bean resolver does not see it")
  void beanOffTheListIsNotResolvable() {
    String key = "attack-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> deployed = deploy("leak.bpmn", process(key, """
        <bpmn:startEvent id="Event_Start" name="Started"><bpmn:outgoing>Flow_Go</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_Go" sourceRef="Event_Start" targetRef="Task_Leak" />
        <bpmn:serviceTask id="Task_Leak" name="Leak" camunda:expression="${caseTokens}" camunda:resultVariable="leak">
          <bpmn:incoming>Flow_Go</bpmn:incoming><bpmn:outgoing>Flow_Done</bpmn:outgoing>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_Done" sourceRef="Task_Leak" targetRef="Event_End" />
        <bpmn:endEvent id="Event_End" name="Done"><bpmn:incoming>Flow_Done</bpmn:incoming></bpmn:endEvent>"""));
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key))
        .hasMessageContaining("caseTokens");
  }

  @Test
  @DisplayName("a process variable named like an allow-listed bean does not stand in for it: the bean is found first")
  void aVariableCannotStandInForABean() {
    String key = "attack-" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> deployed = deploy("shadow.bpmn", process(key, """
        <bpmn:startEvent id="Event_Start" name="Started"><bpmn:outgoing>Flow_Go</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_Go" sourceRef="Event_Start" targetRef="Task_ReadDue" />
        <bpmn:serviceTask id="Task_ReadDue" name="Read due" camunda:expression="${serviceLevels.firstReplyDue}" camunda:resultVariable="due">
          <bpmn:incoming>Flow_Go</bpmn:incoming><bpmn:outgoing>Flow_Wait</bpmn:outgoing>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_Wait" sourceRef="Task_ReadDue" targetRef="Task_Hold" />
        <bpmn:receiveTask id="Task_Hold" name="Hold">
          <bpmn:incoming>Flow_Wait</bpmn:incoming><bpmn:outgoing>Flow_Done</bpmn:outgoing>
        </bpmn:receiveTask>
        <bpmn:sequenceFlow id="Flow_Done" sourceRef="Task_Hold" targetRef="Event_End" />
        <bpmn:endEvent id="Event_End" name="Done"><bpmn:incoming>Flow_Done</bpmn:incoming></bpmn:endEvent>"""));
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);

    // A forged "serviceLevels", as a form field, a message or the REST API could set it: found
    // first, it would make the step read its property (or fail on a string, as here).
    String instance = runtimeService.startProcessInstanceByKey(key, Map.of("serviceLevels", "forged")).getId();

    assertThat(runtimeService.getVariable(instance, "due")).isEqualTo(serviceLevels.getFirstReplyDue());
  }

  @Test
  @DisplayName("a diagram that only bpmnlint faults (a gateway flow with no condition) is refused with its bpmnlint rule")
  void bpmnlintRunsOnDeploy() throws java.io.IOException {
    ResponseEntity<String> deployed = deploy(Map.of(
        "claim-review-example.bpmn", java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/quality/lint-only/flow-without-condition.bpmn")),
        "claim-review-example.form", java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/quality/good/forms/claim-review-example.form"))));

    assertRefused(deployed, "Flow_NotEligible", "bpmnlint/conditional-flows");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("claim-review-example").count())
        .isZero();
  }

  // ------------------------------------------------------------------ helpers

  private void assertRefused(ResponseEntity<String> deployed, String elementId, String what) {
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(400);
    assertThat(deployed.getBody()).contains(elementId).contains(what);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(jdbc.sql("select count(*) from claimdesk.deployment_audit where name = ?").param(name)
        .query(Long.class).single()).isZero();
  }

  private long cases() {
    return jdbc.sql("select count(*) from claimdesk.claim_case").query(Long.class).single();
  }

  /** As Camunda Modeler deploys: multipart to /engine-rest/deployment/create, as an analyst. */
  private ResponseEntity<String> deploy(String fileName, String content) {
    return deploy(Map.of(fileName, content));
  }

  private ResponseEntity<String> deploy(Map<String, String> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    files.forEach((fileName, content) -> parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }));
    return api.http().post().uri("/engine-rest/deployment/create").headers(h -> h.setBasicAuth("alex", "demo"))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
  }

  private static String process(String body) {
    return process("attack-" + UUID.randomUUID().toString().substring(0, 8), body);
  }

  /** A process with the diagram layout every deployment a person makes needs (issue #23's gate). */
  private static String process(String key, String body) {
    return ModelLayout.withDiagram("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_Attack" targetNamespace="http://claimdesk.org/bpmn">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
        %s
          </bpmn:process>
        </bpmn:definitions>""".formatted(key, body));
  }
}
