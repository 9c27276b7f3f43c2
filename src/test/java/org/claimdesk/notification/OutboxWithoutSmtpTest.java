package org.claimdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.claimdesk.cases.CaseLinks;
import org.claimdesk.cases.JdbcCaseService;
import org.claimdesk.cases.CustomerContact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedded default as it ships: profile demo, no SMTP server. Emails are kept in the outbox
 * as NO_SMTP and an administrator reads them with {@code GET /api/outbox}; nobody else may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:notify_no_smtp;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "claimdesk.notification.dispatch-interval=PT1H"})
@ActiveProfiles("demo")
class OutboxWithoutSmtpTest {

  @LocalServerPort
  int port;

  @MockitoSpyBean
  JdbcCaseService cases;

  @MockitoSpyBean
  CaseLinks links;

  @Autowired
  CustomerNotifier customerNotifier;

  @Autowired
  StaffNotifier staffNotifier;

  @Autowired
  OutboxDispatcher dispatcher;

  @Autowired
  NotificationOutbox outbox;

  @Autowired
  ObjectMapper json;

  String reference;

  @BeforeEach
  void setUp() {
    reference = "CD-" + UUID.randomUUID().toString().substring(0, 8);
    doAnswer(call -> "https://claims.example.test/cases/" + call.getArgument(0) + "?token=t").when(links).privateLink(anyString());
    doReturn(new CustomerContact("Marie", "marie@example.com", Locale.FRENCH)).when(cases).contactOf(anyString());
    doNothing().when(cases).appendTimeline(anyString(), anyString(), anyString());
  }

  @Test
  @DisplayName("without SMTP, customer and staff emails stay in the outbox as NO_SMTP and the dispatcher leaves them")
  void emailsAreKeptAsNoSmtp() {
    customerNotifier.send(reference, CustomerMessage.FEEDBACK_REQUESTED,
        Map.of("respondBy", SampleMessages.DUE));
    staffNotifier.notifyTeamLead(reference, "Late first reply", "Please look at it.");

    var rows = outbox.latest(reference, null, 10);
    assertThat(rows).extracting(OutboxEntry::status).containsOnly(OutboxEntry.Status.NO_SMTP);
    assertThat(rows).extracting(OutboxEntry::recipientKind)
        .containsExactlyInAnyOrder(OutboxEntry.RecipientKind.CUSTOMER, OutboxEntry.RecipientKind.STAFF);
    OutboxEntry customer = rows.stream()
        .filter(row -> row.recipientKind() == OutboxEntry.RecipientKind.CUSTOMER).findFirst().orElseThrow();
    assertThat(customer.language()).isEqualTo("fr");
    assertThat(customer.textBody()).contains("21 novembre 2026 à 14:30 UTC");
    assertThat(customer.htmlBody()).contains("<html lang=\"fr\">");

    dispatcher.dispatchDue();
    assertThat(dispatcher.dispatch(customer.id())).isFalse();
    assertThat(outbox.find(customer.id()).orElseThrow().attempts()).isZero();
  }

  @Test
  @DisplayName("GET /api/outbox: an administrator reads what was queued, as JSON or as a page; anyone else gets 401 or 403")
  void outboxApiIsForAdministratorsOnly() throws Exception {
    customerNotifier.send(reference, CustomerMessage.CLOSED_NO_RESPONSE, Map.of());

    HttpResponse<String> admin = get("/api/outbox?caseReference=" + reference, "admin:demo");
    assertThat(admin.statusCode()).isEqualTo(200);
    JsonNode rows = json.readTree(admin.body());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("messageKind").asText()).isEqualTo("CLOSED_NO_RESPONSE");
    assertThat(rows.get(0).get("status").asText()).isEqualTo("NO_SMTP");
    assertThat(rows.get(0).get("recipient").asText()).isEqualTo("marie@example.com");
    assertThat(rows.get(0).get("textBody").asText()).startsWith("Bonjour Marie,")
        // as stored: the link without its token (issue #20 point 7)
        .endsWith("https://claims.example.test/cases/" + reference + "?token=TOKEN-ADDED-WHEN-SENT\n");
    assertThat(rows.get(0).has("htmlBody")).isFalse();

    assertThat(get("/api/outbox?limit=1000", "admin:demo").statusCode()).isEqualTo(400);
    assertThat(get("/api/outbox", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/outbox", "shop:demo").statusCode()).isEqualTo(403);
    assertThat(get("/api/outbox", "mia:demo").statusCode()).isEqualTo(403);
    // A browser gets the same list as a page: the HTML in a sandboxed frame, the link to the case page
    // (the one place besides the email sent where the token is put in, standing in for the customer's mailbox).
    HttpResponse<String> page = get("/api/outbox?caseReference=" + reference, "admin:demo", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
    assertThat(page.body())
        .contains("data-case=\"" + reference + "\"")
        .contains("marie@example.com")
        .contains("CLOSED_NO_RESPONSE")
        // The email's HTML is escaped into the frame's srcdoc: shown, never part of this page.
        .contains("<iframe sandbox=\"\" srcdoc=\"&lt;!DOCTYPE html&gt;")
        .contains("<a href=\"https://claims.example.test/cases/" + reference + "?token=t\" target=\"_blank\"");
    assertThat(get("/api/outbox", null, "text/html").statusCode()).isEqualTo(401);
    assertThat(get("/api/outbox", "mia:demo", "text/html").statusCode()).isEqualTo(403);
    // Last: after a wrong password Camunda delays that user's next login.
    assertThat(get("/api/outbox", "admin:wrong").statusCode()).isEqualTo(401);
  }

  HttpResponse<String> get(String path, String credentials) throws Exception {
    return get(path, credentials, "application/json");
  }

  HttpResponse<String> get(String path, String credentials, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept);
    if (credentials != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
