package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.claimdesk.commerce.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The embedded default: the V2 and V6 migrations and the case record on H2 (identity keys,
 * {@code bytea} evidence and documents, {@code for update}, the idempotency key's unique index),
 * through the customer API and through the processes' {@link CaseService}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:cases;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "claimdesk.models.allowed-expressions=jdbcCaseService.updateStatus,jdbcCaseService.recordOutcome"})
@ActiveProfiles("demo")
@RecordApplicationEvents
class CaseRecordOnH2Test extends CustomerApiTestBase {

  @Autowired
  CaseTimelineStore timeline;

  @Autowired
  CaseAccessStore access;

  @Autowired
  CaseService processView;

  @Autowired
  CaseLinks links;

  @Autowired
  CaseDocuments documents;

  @Autowired
  ApplicationEvents events;

  @Test
  @DisplayName("on H2: a claim (with a key, replayed), its view, evidence in and out byte for byte")
  void theCustomerApiRunsOnH2() {
    String email = unique("h2") + "@example.com";
    String orderId = givenOrder(email, "fr");
    Map<String, Object> request = refundRequest(orderId, email, "SERVICE_ISSUE");

    Answer filed = fileRefund(request, "h2-key-" + orderId);
    Answer replay = fileRefund(request, "h2-key-" + orderId);

    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(filed.json());
    String reference = filed.json().path("reference").asText();
    String token = filed.json().path("accessToken").asText();
    assertThat(fileRefund(refundRequest(orderId, email, "OTHER"), null).status()).isEqualTo(200);
    assertThat(view(reference, token).json().path("status").asText()).isEqualTo("IN_REVIEW");

    byte[] pdf = pdf();
    assertThat(upload(reference, token, List.of(new Upload("scan.pdf", "application/pdf", pdf))).status())
        .isEqualTo(204);
    String id = caseService.evidenceOf(reference).get(0).id();
    Answer download = call(HttpMethod.GET, "/api/staff/cases/" + reference + "/evidence/" + id, null,
        "user", "mia");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.raw()).isEqualTo(pdf);
    assertThat(passed(reference, "Event_EvidenceReceived")).isEqualTo(1);
  }

  @Test
  @DisplayName("on H2: what the processes write (status, due date, outcome, offer, SLA breach once, timeline) reads back")
  void theProcessesViewRunsOnH2() {
    String email = unique("h2p") + "@example.com";
    String orderId = givenOrder(email, "en");
    String customerId = jdbc.sql("select customer_id from claimdesk.shop_order where id = ?").param(orderId)
        .query(String.class).single();
    JdbcCaseService.OpenedCase opened = caseService.open(new JdbcCaseService.NewCase(CaseType.REFUND_REQUEST,
        customerId, orderId, Locale.ENGLISH, "Directly opened"));
    String reference = opened.reference();
    Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);

    processView.change(reference, CaseChange.to(CaseStatus.WAITING_FOR_CUSTOMER).replyDueBy(due)
        .offer(new CaseOffer(OfferType.ALTERNATIVE, null, "A second session")));
    processView.recordSlaBreach(reference, "Task_ReviewClaim", due, due.plusSeconds(1));
    processView.recordSlaBreach(reference, "Task_ReviewClaim", due, due.plusSeconds(2));
    processView.appendTimeline(reference, "AGENT_REPLY", "We are looking into it.");

    CaseRecord record = processView.get(reference);
    assertThat(record.status()).isEqualTo(CaseStatus.WAITING_FOR_CUSTOMER);
    assertThat(record.replyDueBy()).isEqualTo(due);
    assertThat(record.offer()).isEqualTo(new CaseOffer(OfferType.ALTERNATIVE, null, "A second session"));
    assertThat(record.language()).isEqualTo(Locale.ENGLISH);
    assertThat(count("select count(*) from claimdesk.case_sla_breach where case_reference = ?", reference))
        .isEqualTo(1);
    assertThat(timeline.entriesOf(reference)).extracting(TimelineEntry::kind)
        .containsExactly("CLAIM_FILED", "AGENT_REPLY");
    assertThat(processView.contactOf(reference)).isEqualTo(new CustomerContact("Case Tester", email, Locale.ENGLISH));

    processView.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.PARTIALLY_REFUNDED, "RF-4")
        .offer(new CaseOffer(OfferType.PARTIAL_REFUND, Money.of(4500, "EUR"), "Half")));
    record = processView.get(reference);
    assertThat(record.offer().amount()).isEqualTo(Money.of(4500, "EUR"));
    assertThat(record.replyDueBy()).isNull();
    assertThat(record.outcome()).isEqualTo(CaseOutcome.PARTIALLY_REFUNDED);
    assertThat(record.ruleId()).isEqualTo("RF-4");
    assertThat(caseService.findOpen(CaseType.REFUND_REQUEST, orderId)).isEmpty();

    assertThat(links.privateLink(reference))
        .isEqualTo("http://localhost:8080/cases/" + reference + "?token=" + opened.accessToken());
    assertThat(access.findWithToken(reference, opened.accessToken())).isPresent();
    assertThat(access.findWithToken(reference, "nope")).isEmpty();
  }

  @Test
  @DisplayName("on H2: one change writes status, due date, decision and offer at once, keeps what it leaves out, and closes once")
  void oneChangePerEvent() {
    String email = unique("h2c") + "@example.com";
    String orderId = givenOrder(email, "en");
    String customerId = jdbc.sql("select customer_id from claimdesk.shop_order where id = ?").param(orderId)
        .query(String.class).single();
    String reference = caseService.open(new JdbcCaseService.NewCase(CaseType.REFUND_REQUEST, customerId, orderId,
        Locale.ENGLISH, "Directly opened")).reference();
    Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    CaseOffer offer = new CaseOffer(OfferType.PARTIAL_REFUND, Money.of(4500, "EUR"), "Half");

    processView.change(reference, CaseChange.to(CaseStatus.OFFER_PENDING).replyDueBy(due).offer(offer));
    CaseRecord offered = processView.get(reference);
    assertThat(offered.status()).isEqualTo(CaseStatus.OFFER_PENDING);
    assertThat(offered.replyDueBy()).isEqualTo(due);
    assertThat(offered.offer()).isEqualTo(offer);

    processView.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.PARTIALLY_REFUNDED, "RF-8"));
    CaseRecord resolved = processView.get(reference);
    assertThat(resolved.offer()).as("left out, kept").isEqualTo(offer);
    assertThat(resolved.replyDueBy()).as("a final status owes no reply").isNull();
    assertThat(resolved.outcome()).isEqualTo(CaseOutcome.PARTIALLY_REFUNDED);
    assertThat(resolved.ruleId()).isEqualTo("RF-8");
    Instant closedAt = jdbc.sql("select closed_at from claimdesk.claim_case where reference = ?").param(reference)
        .query(Instant.class).single();
    assertThat(closedAt).isNotNull();
    assertThat(events.stream(CaseEvent.Closed.class).filter(closed -> closed.reference().equals(reference)))
        .singleElement().satisfies(closed -> assertThat(closed.outcome()).isEqualTo(CaseOutcome.PARTIALLY_REFUNDED));

    processView.change(reference, CaseChange.decided(CaseStatus.CLOSED, CaseOutcome.PARTIALLY_REFUNDED, "RF-8"));
    assertThat(jdbc.sql("select closed_at from claimdesk.claim_case where reference = ?").param(reference)
        .query(Instant.class).single()).as("stamped the first time only").isEqualTo(closedAt);
    assertThat(events.stream(CaseEvent.Closed.class).filter(closed -> closed.reference().equals(reference))).hasSize(1);

    processView.change(reference, CaseChange.to(CaseStatus.IN_REVIEW));
    assertThat(jdbc.sql("select closed_at from claimdesk.claim_case where reference = ?").param(reference)
        .query(Instant.class).optional()).as("reopened").isEmpty();
  }

  @Test
  @DisplayName("on H2: a document is stored once per key (a second store keeps the first), listed and downloaded")
  void documentsRunOnH2() {
    String[] created = givenCaseInReview();
    String reference = created[0];
    byte[] first = pdf();
    byte[] regenerated = (new String(pdf(), StandardCharsets.US_ASCII) + "% again\n")
        .getBytes(StandardCharsets.US_ASCII);

    CaseDocument stored = documents.store(reference, "resolution", CaseDocuments.RESOLUTION,
        "../Résolution <CD>.pdf", "application/pdf", first);
    CaseDocument again = documents.store(reference, "resolution", CaseDocuments.RESOLUTION,
        "other.pdf", "application/pdf", regenerated);

    assertThat(again).isEqualTo(stored);
    assertThat(stored.fileName()).isEqualTo("Résolution _CD_.pdf");
    assertThat(stored.language()).as("the claim was filed in French").isEqualTo("fr");
    assertThat(stored.sizeBytes()).isEqualTo(first.length);
    assertThat(documents.documentsOf(reference)).containsExactly(stored);
    assertThat(documents.content(reference, Long.parseLong(stored.id()))).get()
        .satisfies(content -> assertThat(content.content()).isEqualTo(first));
    assertThat(documents.content(givenCaseInReview()[0], stored.id())).isEmpty();
    assertThat(documents.content(reference, "not-an-id")).isEmpty();

    Answer view = view(reference, created[1]);
    assertThat(view.json().path("documents")).hasSize(1);
    assertThat(view.json().path("documents").get(0).path("href").asText())
        .isEqualTo("/api/cases/" + reference + "/documents/" + stored.id());
    Answer download = call(HttpMethod.GET, "/api/cases/" + reference + "/documents/" + stored.id(), null,
        TOKEN_HEADER, created[1]);
    assertThat(download.status()).as(download.toString()).isEqualTo(200);
    assertThat(download.raw()).isEqualTo(first);
  }

  @Test
  @DisplayName("a case document must be a known kind, a PDF by its bytes, under a well-formed key, on a case")
  void badDocumentsAreRefused() {
    String reference = givenCaseInReview()[0];

    assertThatThrownBy(() -> documents.store(reference, "resolution", "INVOICE", "a.pdf", "application/pdf", pdf()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown document kind INVOICE");
    assertThatThrownBy(() -> documents.store(reference, "resolution", CaseDocuments.RESOLUTION, "a.png", "image/png",
        png())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not image/png");
    assertThatThrownBy(() -> documents.store(reference, "resolution", CaseDocuments.RESOLUTION, "a.pdf",
        "application/pdf", png())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytes are not application/pdf");
    assertThatThrownBy(() -> documents.store(reference, "a key with spaces", CaseDocuments.RESOLUTION, "a.pdf",
        "application/pdf", pdf())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("document key");
    assertThatThrownBy(() -> documents.store("CD-00000000", "resolution", CaseDocuments.RESOLUTION, "a.pdf",
        "application/pdf", pdf())).isInstanceOf(IllegalStateException.class).hasMessageContaining("No case");
    assertThat(documents.documentsOf(reference)).isEmpty();
  }
}
