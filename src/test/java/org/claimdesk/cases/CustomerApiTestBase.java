package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Shared set-up of the customer API tests: the refund-request stand-in deployed for the class
 * (and removed after it), a client that hands back every answer, orders of fresh customers (the
 * database is shared with the other tests of the run), and JDBC to look at what was written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CustomerApiTestBase {

  public static final String TOKEN_HEADER = "X-Case-Token";
  public static final String KEY_HEADER = "Idempotency-Key";
  protected static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  protected int port;
  @Autowired
  protected JdbcClient jdbc;
  @Autowired
  protected RepositoryService repositoryService;
  @Autowired
  protected RuntimeService runtimeService;
  @Autowired
  protected HistoryService historyService;
  @Autowired
  protected JdbcCaseService caseService;
  @Autowired
  protected CaseTimelineStore timelineStore;

  private String standInDeployment;

  @BeforeAll
  void deployRefundStandIn() {
    standInDeployment = RefundProcessStandIn.deploy(repositoryService);
  }

  @AfterAll
  void removeRefundStandIn() {
    RefundProcessStandIn.undeploy(repositoryService, standInDeployment);
  }

  /** An answer as it came over the wire. */
  public record Answer(int status, HttpHeaders headers, byte[] raw) {

    public String body() {
      return new String(raw, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body(), e);
      }
    }

    /** The JSON body without {@code instance} (the request path), to compare problems of different paths. */
    public JsonNode jsonWithoutInstance() {
      JsonNode json = json();
      if (json instanceof ObjectNode object) {
        object.remove("instance");
      }
      return json;
    }

    public List<String> errorFields() {
      List<String> fields = new ArrayList<>();
      json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
      return fields;
    }

    public boolean isProblem() {
      MediaType type = headers.getContentType();
      return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Override
    public String toString() {
      return status + " " + body();
    }
  }

  /**
   * Checks the answer to a claim that opened a case (201, its location, not cached, a reference,
   * an access token, the type, the status the stand-in left) and returns its body.
   */
  protected static JsonNode assertCaseOpened(Answer answer, String type) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    JsonNode body = answer.json();
    String reference = body.path("reference").asText();
    assertThat(reference).matches(CaseReferences.FORMAT);
    assertThat(answer.headers().getLocation()).hasToString("/api/cases/" + reference);
    assertThat(answer.headers().getCacheControl()).contains("no-store");
    assertThat(body.path("type").asText()).isEqualTo(type);
    assertThat(body.path("status").asText()).as("as the stand-in left it").isEqualTo("IN_REVIEW");
    assertThat(body.path("accessToken").asText()).matches("[A-Za-z0-9_-]{43}");
    return body;
  }

  /** A file to upload. */
  public record Upload(String fileName, String contentType, byte[] content) {
  }

  protected RestClient rest() {
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory())
        .build();
  }

  /** Sends a request; {@code headers} are name/value pairs, a "user" pair sets HTTP Basic (password demo). */
  protected Answer call(HttpMethod method, String path, Object jsonBody, String... headers) {
    RestClient.RequestBodySpec request = rest().method(method).uri(path)
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL)
        .headers(h -> applyHeaders(h, headers));
    if (jsonBody != null) {
      request.contentType(MediaType.APPLICATION_JSON)
          .body(jsonBody instanceof String text ? text : write(jsonBody));
    }
    return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
        response.getHeaders(), response.getBody().readAllBytes()));
  }

  protected Answer upload(String reference, String token, List<Upload> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    for (Upload file : files) {
      HttpHeaders partHeaders = new HttpHeaders();
      if (file.contentType() != null) {
        partHeaders.setContentType(MediaType.parseMediaType(file.contentType()));
      }
      ByteArrayResource content = new ByteArrayResource(file.content()) {
        @Override
        public String getFilename() {
          return file.fileName();
        }
      };
      parts.add("file", new org.springframework.http.HttpEntity<>(content, partHeaders));
    }
    return rest().post().uri("/api/cases/{reference}/evidence", reference)
        .headers(h -> {
          if (token != null) {
            h.set(TOKEN_HEADER, token);
          }
        })
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .exchange((req, response) -> new Answer(response.getStatusCode().value(), response.getHeaders(),
            response.getBody().readAllBytes()));
  }

  private static void applyHeaders(HttpHeaders target, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i + 1] == null) {
        continue;
      }
      if (headers[i].equals("user")) {
        target.setBasicAuth(headers[i + 1], "demo");
      } else {
        target.set(headers[i], headers[i + 1]);
      }
    }
  }

  protected static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** An order placed just now by a new customer with that email, posted by the shop. */
  protected String givenOrder(String email, String language) {
    String orderId = unique("ord");
    String customerId = unique("cus");
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("id", customerId);
    customer.put("name", "Case Tester");
    customer.put("email", email);
    customer.put("language", language);
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", orderId);
    order.put("customer", customer);
    order.put("productType", "SERVICE");
    order.put("description", "Consultation " + orderId);
    order.put("amount", 9000);
    order.put("currency", "EUR");
    order.put("orderedAt", "2026-11-10T10:15:30Z");
    order.put("serviceDate", "2026-11-12");
    order.put("serviceStatus", "RENDERED");
    Answer answer = call(HttpMethod.POST, "/api/orders", order, "user", "shop");
    if (answer.status() != 201) {
      throw new AssertionError("Order not accepted: " + answer);
    }
    return orderId;
  }

  protected static Map<String, Object> refundRequest(String orderId, String email, String reason) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("orderId", orderId);
    request.put("email", email);
    request.put("reason", reason);
    request.put("description", "The session was cut short after ten minutes.");
    request.put("language", "fr");
    return request;
  }

  protected Answer fileRefund(Map<String, Object> request, String idempotencyKey) {
    return call(HttpMethod.POST, "/api/refund-requests", request, KEY_HEADER, idempotencyKey);
  }

  /** A new case in review (the stand-in waits for the customer), as {reference, accessToken}. */
  protected String[] givenCaseInReview() {
    String email = unique("c") + "@example.com";
    Answer filed = fileRefund(refundRequest(givenOrder(email, "en"), email, "SERVICE_ISSUE"), null);
    if (filed.status() != 201) {
      throw new AssertionError("Claim not filed: " + filed);
    }
    return new String[] {filed.json().path("reference").asText(), filed.json().path("accessToken").asText()};
  }

  protected Answer view(String reference, String token) {
    return call(HttpMethod.GET, "/api/cases/" + reference, null, TOKEN_HEADER, token);
  }

  protected long count(String sql, Object... params) {
    JdbcClient.StatementSpec statement = jdbc.sql(sql);
    for (Object param : params) {
      statement = statement.param(param);
    }
    return statement.query(Long.class).single();
  }

  protected long casesOn(String subjectId) {
    return count("select count(*) from claimdesk.claim_case where subject_id = ?", subjectId);
  }

  protected long timelineEntries(String reference, String kind) {
    return count("select count(*) from claimdesk.case_timeline where case_reference = ? and kind = ?",
        reference, kind);
  }

  protected long evidenceFiles(String reference) {
    return count("select count(*) from claimdesk.case_evidence where case_reference = ?", reference);
  }

  protected long processInstances(String reference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count();
  }

  protected long passed(String reference, String activityId) {
    return historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(historyService.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(reference).singleResult().getId())
        .activityId(activityId)
        .finished()
        .count();
  }

  protected static byte[] png() {
    byte[] png = new byte[64];
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(magic, 0, png, 0, magic.length);
    for (int i = magic.length; i < png.length; i++) {
      png[i] = (byte) (i * 7);
    }
    return png;
  }

  protected static byte[] pdf() {
    return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  }
}
