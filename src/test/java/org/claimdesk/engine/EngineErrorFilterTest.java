package org.claimdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;

class EngineErrorFilterTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static byte[] error(String type, String message) {
    return ("{\"type\":\"" + type + "\",\"message\":\"" + message + "\",\"code\":0}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("an expression failure, 500 or 4xx, becomes a plain 400 with an error id and the code kept")
  void evaluationFailuresBecomePlain400() throws IOException {
    EngineErrorFilter.Answer answer = EngineErrorFilter.plain(500, error("RestException",
        "Cannot complete task 7: Error while evaluating expression: ${note > 5}. Cause: Cannot coerce 'tok-1' to class java.lang.Long"),
        "POST", "/engine-rest/task/7/complete");

    assertThat(answer.status()).isEqualTo(400);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(body.path("message").asText()).contains(answer.errorId()).doesNotContain("tok-1").doesNotContain("${");
    assertThat(body.path("code").asInt()).isZero();

    assertThat(EngineErrorFilter.plain(400, error("ProcessEngineException",
        "FEEL/SCALA-01008 Error while evaluating expression 'amount > 3': ValString(marie@example.com)"), "POST",
        "/engine-rest/decision-definition/key/x/evaluate").status()).isEqualTo(400);
    assertThat(EngineErrorFilter.plain(500, error("ScriptEvaluationException", "Unable to evaluate"), "POST",
        "/engine-rest/message").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("another 5xx keeps its status with a plain message; a body that is not JSON too")
  void otherServerErrorsArePlain() throws IOException {
    EngineErrorFilter.Answer answer = EngineErrorFilter.plain(500, error("ProcessEngineException",
        "ENGINE-03004 Exception while executing Database Operation 'UPDATE ...' with message 'Key (email)=(a@b.c)'"),
        "POST", "/engine-rest/task/7/complete");
    assertThat(answer.status()).isEqualTo(500);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).doesNotContain("a@b.c").contains("nothing was changed");

    assertThat(EngineErrorFilter.plain(503, "<html>down</html>".getBytes(StandardCharsets.UTF_8), "GET", "/camunda/api/x")
        .status()).isEqualTo(500);
  }

  @Test
  @DisplayName("Camunda's 500 for a task that does not exist is the 404 it is, its message kept")
  void notFoundIs404() {
    byte[] body = error("RestException", "Cannot complete task no-such: Cannot find task with id no-such: task is null");
    EngineErrorFilter.Answer answer = EngineErrorFilter.plain(500, body, "POST", "/engine-rest/task/no-such/complete");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo(body);
  }

  @Test
  @DisplayName("a 4xx without an evaluation, and a deployment's parse errors, are left as they are")
  void explanationsStay() {
    assertThat(EngineErrorFilter.plain(400, error("InvalidFormInputException",
        "The form review-claim does not own the variable(s) customerId: a task may set only its form's fields"
            + " (offerDescription, replyMessage)."), "POST", "/engine-rest/task/7/complete")).isNull();
    assertThat(EngineErrorFilter.plain(404, error("InvalidRequestException", "Cannot find task with id no-such"),
        "POST", "/engine-rest/task/no-such/complete")).isNull();
    assertThat(EngineErrorFilter.plain(403, error("AuthorizationException", "The user with id 'anna' does not have"),
        "GET", "/engine-rest/process-instance")).isNull();
    assertThat(EngineErrorFilter.plain(400, error("ParseException",
        "Task_X: the expression ${execution.getProcessEngineServices()} is not allowed"),
        "POST", "/engine-rest/deployment/create")).isNull();
  }

  @Test
  @DisplayName("through the filter: an error body is replaced with its length; a success passes as written")
  void filterRewritesOnlyErrors() throws Exception {
    EngineErrorFilter filter = new EngineErrorFilter();
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/7/complete");
    request.setRequestURI("/engine-rest/task/7/complete");
    MockHttpServletResponse failed = new MockHttpServletResponse();
    FilterChain failing = (req, res) -> {
      jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
      http.setStatus(500);
      http.setContentType("application/json");
      byte[] body = error("RestException", "Error while evaluating expression: ${x}. Cause: 'secret-value'");
      http.setContentLength(body.length);
      http.getOutputStream().write(body);
    };
    filter.doFilter(request, failed, failing);

    assertThat(failed.getStatus()).isEqualTo(400);
    assertThat(failed.getContentAsString()).doesNotContain("secret-value").contains("nothing was changed");
    assertThat(failed.getContentLength()).isEqualTo(failed.getContentAsByteArray().length);

    MockHttpServletResponse fine = new MockHttpServletResponse();
    filter.doFilter(request, fine, (req, res) -> res.getWriter().write("{\"id\":\"7\",\"note\":\"${kept}\"}"));
    assertThat(fine.getStatus()).isEqualTo(200);
    assertThat(fine.getContentAsString()).isEqualTo("{\"id\":\"7\",\"note\":\"${kept}\"}");
  }
}
