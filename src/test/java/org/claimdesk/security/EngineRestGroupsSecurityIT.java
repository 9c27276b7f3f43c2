package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Issue #20, point 7: the shop's service account and staff without an engine group could use
 * {@code /engine-rest} (query tasks, definitions, deploy). Only members of the engine groups may.
 */
@PostgresIntegrationTest
class EngineRestGroupsSecurityIT {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;

  private String loner;

  @BeforeEach
  void userInNoEngineGroup() {
    loner = "loner" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    User user = identityService.newUser(loner);
    user.setPassword("a-long-test-password");
    identityService.saveUser(user);
  }

  @AfterEach
  void removeUser() {
    identityService.deleteUser(loner);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/engine",
      "/engine-rest/history/variable-instance", "/engine-rest/deployment"})
  @DisplayName("shop and a user in no engine group get 403 on every engine REST path; a support agent gets 200")
  void onlyEngineGroups(String path) {
    ResponseEntity<String> shop = rest.withBasicAuth("shop", "demo").getForEntity(path, String.class);
    ResponseEntity<String> lonely = rest.withBasicAuth(loner, "a-long-test-password").getForEntity(path, String.class);
    ResponseEntity<String> anna = rest.withBasicAuth("anna", "demo").getForEntity(path, String.class);

    assertThat(shop.getStatusCode().value()).as(shop.getBody()).isEqualTo(403);
    assertThat(shop.getBody()).contains("engine groups only");
    assertThat(lonely.getStatusCode().value()).isEqualTo(403);
    assertThat(anna.getStatusCode().value()).as(anna.getBody()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shop"})
  @DisplayName("shop cannot deploy through the engine REST API")
  void shopCannotDeploy(String user) {
    ResponseEntity<String> deployed = rest.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/deployment/create", null, String.class);
    assertThat(deployed.getStatusCode().value()).isEqualTo(403);
  }
}
