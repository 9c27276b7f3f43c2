package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The customer page over HTTP as a browser without script uses it: the claim forms posted to
 * {@code /claims/{form}}, the case page and its forms, the language (issue #21).
 */
@PostgresIntegrationTest
class CustomerPageFormsIT {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  private ClaimdeskApi api;
  /** Follows no redirect, so that each answer is seen as it is. */
  private RestClient http;

  @BeforeEach
  void clients() {
    api = new ClaimdeskApi(port);
    http = RestClient.builder().baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build()))
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  private String order() {
    return api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 9000);
  }

  private ResponseEntity<String> post(String path, Map<String, String> fields, String acceptLanguage) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    return http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .header("Accept-Language", acceptLanguage).body(form).retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> get(String path, String acceptLanguage) {
    return http.get().uri(path).header("Accept", "text/html").header("Accept-Language", acceptLanguage)
        .retrieve().toEntity(String.class);
  }

  private long casesOn(String subjectId) {
    return jdbc.sql("SELECT count(*) FROM claimdesk.claim_case WHERE subject_id = ?").param(subjectId)
        .query(Long.class).single();
  }

  private static Map<String, String> refund(String orderId, String key) {
    return Map.of("orderId", orderId, "email", ClaimdeskApi.emailOf(orderId), "reason", "SERVICE_ISSUE",
        "description", "The session stopped after ten minutes.", "language", "en", "idempotencyKey", key);
  }

  @Test
  @DisplayName("a claim form sent twice with its key files one case, and both answers send the visitor to its private link")
  void doubleSubmitFilesOneCase() {
    String orderId = order();
    String key = "web-" + java.util.UUID.randomUUID();
    ResponseEntity<String> first = post("/claims/refund", refund(orderId, key), "en-GB");
    ResponseEntity<String> second = post("/claims/refund", refund(orderId, key), "en-GB");
    assertThat(first.getStatusCode().value()).isEqualTo(303);
    assertThat(second.getStatusCode().value()).isEqualTo(303);
    URI location = first.getHeaders().getLocation();
    assertThat(location.getPath()).matches("/cases/CD-[0-9A-Z]{8}");
    assertThat(location.getQuery()).startsWith("token=");
    assertThat(second.getHeaders().getLocation()).isEqualTo(location);
    assertThat(first.getHeaders().get("Set-Cookie")).isNull();
    assertThat(casesOn(orderId)).isEqualTo(1);

    // The private link opens the case page, rendered on the server.
    ResponseEntity<String> page = get(location.toString(), "en-GB");
    String reference = location.getPath().substring("/cases/".length());
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("<html lang=\"en\">").contains("Case " + reference)
        .contains("Being reviewed").contains("Refund or return");
    assertThat(page.getHeaders().getFirst("Cache-Control")).contains("no-store");
    assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  @DisplayName("bad form input comes back with the page's words next to each field and in the summary, what was typed kept, and files nothing")
  void badInputGivesFieldErrors() {
    String orderId = order();
    ResponseEntity<String> answer = post("/claims/refund", Map.of("orderId", orderId, "email", "not an email",
        "reason", "", "description", "Nothing arrived.", "language", "fr", "idempotencyKey", "web-bad-1"), "en-GB");
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    String body = answer.getBody();
    // The form's language is the page's it was sent from: French.
    assertThat(body).contains("<html lang=\"fr\">")
        .contains("id=\"refund-email-error\">Indiquez une adresse e-mail comme nom@exemple.fr.</p>")
        .contains("id=\"refund-reason-error\">Choisissez une des options.</p>")
        .contains("<a href=\"#refund-email\">Indiquez une adresse e-mail comme nom@exemple.fr.</a>")
        .contains("value=\"not an email\"").contains("value=\"web-bad-1\"")
        .contains("data-open=\"true\"");
    assertThat(casesOn(orderId)).isZero();

    // What only the server refuses shows on its field too; nothing is filed either.
    ResponseEntity<String> refused = post("/claims/refund", Map.of("orderId", orderId,
        "email", ClaimdeskApi.emailOf(orderId), "reason", "BOGUS", "description", "Nothing arrived.",
        "language", "en", "idempotencyKey", "web-bad-2"), "en-GB");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("id=\"refund-reason-error\">Check this: the server did not accept it.</p>");
    assertThat(casesOn(orderId)).isZero();

    // An unknown order gets the form's answer, not a field error.
    ResponseEntity<String> unknown = post("/claims/wallet", Map.of("orderId", "it-ord-nothing-here",
        "payerName", "Sam Payer", "email", "someone@example.com", "language", "en", "idempotencyKey", "web-bad-3"),
        "en-GB");
    assertThat(unknown.getStatusCode().value()).isEqualTo(422);
    assertThat(unknown.getBody())
        .contains("We could not find this order for this email address. Check both and try again.");
  }

  @Test
  @DisplayName("the case page needs its token: a wrong or missing token gets the very page an unknown case gets, and acts on nothing")
  void casePageNeedsItsToken() {
    String orderId = order();
    ResponseEntity<JsonNode> filed = api.claim(orderId, "SERVICE_ISSUE", null);
    String reference = filed.getBody().path("reference").asText();
    String token = filed.getBody().path("accessToken").asText();
    // (a French case: its page is in French)
    assertThat(get("/cases/" + reference + "?token=" + token, "en-GB").getBody()).contains("Dossier " + reference);

    ResponseEntity<String> wrong = get("/cases/" + reference + "?token=not-" + token, "en-GB");
    ResponseEntity<String> missing = get("/cases/" + reference, "en-GB");
    ResponseEntity<String> unknown = get("/cases/CD-ZZZZZZZZ?token=" + token, "en-GB");
    for (ResponseEntity<String> answer : java.util.List.of(wrong, missing, unknown)) {
      assertThat(answer.getStatusCode().value()).isEqualTo(404);
      assertThat(answer.getBody()).contains("We cannot show this case").doesNotContain("Dossier " + reference)
          .doesNotContain("id=\"case\"").doesNotContain(token);
    }
    assertThat(wrong.getBody()).isEqualTo(missing.getBody());
    assertThat(unknown.getBody().replace("CD-ZZZZZZZZ", reference)).isEqualTo(wrong.getBody());

    ResponseEntity<String> withdraw = post("/cases/" + reference + "/offer/decline",
        Map.of("token", "not-" + token), "en-GB");
    assertThat(withdraw.getStatusCode().value()).isEqualTo(404);
    assertThat(withdraw.getBody()).contains("We cannot show this case");
    assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.case_timeline WHERE case_reference = ? AND kind = 'OFFER_DECLINED'")
        .param(reference).query(Long.class).single()).isZero();

    // An action the case does not wait for: back to the page, which says so.
    ResponseEntity<String> notWaiting = post("/cases/" + reference + "/offer/accept", Map.of("token", token), "en-GB");
    assertThat(notWaiting.getStatusCode().value()).isEqualTo(303);
    assertThat(notWaiting.getHeaders().getLocation().toString()).contains("notice=not-waiting");
    assertThat(get(notWaiting.getHeaders().getLocation().toString(), "en-GB").getBody())
        .contains("Ce n’est plus possible sur votre dossier");

    // Feedback sent without an answer comes back with the error on its field.
    ResponseEntity<String> feedback = post("/cases/" + reference + "/feedback", Map.of("token", token,
        "comment", "Hm", "lang", "en"), "en-GB");
    assertThat(feedback.getStatusCode().value()).isEqualTo(400);
    assertThat(feedback.getBody()).contains("id=\"feedback-satisfied-error\">Choose one of the options.</p>")
        .contains(">Hm</textarea>");
  }

  @Test
  @DisplayName("the page's language: ?lang= first, then the browser's language (the case page: the case's), English by default")
  void languageSwitch() {
    assertThat(get("/", "fr-FR,fr;q=0.9").getBody()).contains("<html lang=\"fr\">")
        .contains("Comment pouvons-nous vous aider").contains("aria-pressed=\"true\">Français");
    assertThat(get("/?lang=en", "fr-FR").getBody()).contains("<html lang=\"en\">").contains("How can we help?");
    assertThat(get("/", "de-DE").getBody()).contains("<html lang=\"en\">").contains("How can we help?");
    assertThat(http.get().uri("/").retrieve().body(String.class)).contains("<html lang=\"en\">");
    assertThat(get("/?lang=fr", "en-GB").getBody()).contains("<html lang=\"fr\">")
        .contains("name=\"language\" value=\"fr\"");

    // A French case opens in French whatever the browser says, and in English when asked.
    ResponseEntity<JsonNode> filed = api.claim(order(), "SERVICE_ISSUE", null);
    String page = "/cases/" + filed.getBody().path("reference").asText() + "?token="
        + filed.getBody().path("accessToken").asText();
    assertThat(get(page, "en-GB").getBody()).contains("<html lang=\"fr\">").contains("En cours d’examen");
    String english = get(page + "&lang=en", "fr-FR").getBody();
    assertThat(english).contains("<html lang=\"en\">").contains("Being reviewed")
        // the switch keeps the token
        .contains("name=\"token\" value=\"" + filed.getBody().path("accessToken").asText() + "\"");
  }
}
