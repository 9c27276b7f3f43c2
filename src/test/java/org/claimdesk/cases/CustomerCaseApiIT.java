package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.claimdesk.commerce.Money;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/cases/{reference}} on PostgreSQL with the stand-in {@code refund-request} process:
 * the case view and its token rules, evidence (stored while the case is not final, correlated
 * only when the process waits), offer answers and feedback (204 when the process waits, 409 and
 * nothing stored when not), the staff download of an evidence file, and the case's documents
 * (listed in the view, downloaded by the customer with the token and by staff).
 */
@PostgresIntegrationTest
class CustomerCaseApiIT extends CustomerApiTestBase {

  @Autowired
  CaseDocuments documents;

  @Test
  @DisplayName("GET with the token: the case, its policy version and its timeline, never cached")
  void theTokenShowsTheCase() {
    String[] created = givenCaseInReview();

    Answer answer = view(created[0], created[1]);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.headers().getCacheControl()).contains("no-store");
    JsonNode body = answer.json();
    assertThat(body.path("reference").asText()).isEqualTo(created[0]);
    assertThat(body.path("type").asText()).isEqualTo("REFUND_REQUEST");
    assertThat(body.path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(body.path("policyVersion").asText()).isEqualTo("2026-11-01");
    assertThat(body.path("openedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(body.has("outcome")).isFalse();
    assertThat(body.has("offer")).isFalse();
    assertThat(body.has("accessToken")).isFalse();
    assertThat(body.path("timeline")).hasSize(1);
    assertThat(body.path("timeline").get(0).path("kind").asText()).isEqualTo("CLAIM_FILED");
    assertThat(body.path("timeline").get(0).path("message").asText()).contains("cut short");
    assertThat(body.path("timeline").get(0).path("at").asText()).isNotEmpty();

    // a typed reference in lower case, with O for 0, still finds the case
    String typed = created[0].toLowerCase().replace('0', 'o');
    assertThat(view(typed, created[1]).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("404 alike for an unknown reference, a wrong, missing or another case's token, a malformed reference")
  void unknownReferenceAndWrongTokenAreTheSame404() {
    String[] mine = givenCaseInReview();
    String[] other = givenCaseInReview();
    String unknown = "CD-00000000".equals(mine[0]) ? "CD-00000001" : "CD-00000000";

    Answer wrongToken = view(mine[0], mine[1].substring(1) + "A");
    Answer missingToken = view(mine[0], null);
    Answer othersToken = view(mine[0], other[1]);
    Answer unknownReference = view(unknown, mine[1]);
    Answer malformed = view("not-a-reference", mine[1]);

    for (Answer answer : List.of(wrongToken, missingToken, othersToken, unknownReference, malformed)) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
      assertThat(answer.isProblem()).isTrue();
      assertThat(answer.jsonWithoutInstance()).isEqualTo(wrongToken.jsonWithoutInstance());
    }
    assertThat(missingToken.json()).isEqualTo(wrongToken.json());
    assertThat(wrongToken.json().path("detail").asText()).doesNotContain(mine[0]);
  }

  @Test
  @DisplayName("an offer recorded by the process is shown flat: type, amount in minor units, currency, description")
  void theOfferIsShown() {
    String[] created = givenCaseInReview();
    caseService.change(created[0], CaseChange.keepStatus().offer(new CaseOffer(OfferType.PARTIAL_REFUND,
        Money.of(4500, "EUR"), "Half of the session price")));

    JsonNode offer = view(created[0], created[1]).json().path("offer");

    assertThat(offer.path("type").asText()).isEqualTo("PARTIAL_REFUND");
    assertThat(offer.path("amount").asLong()).isEqualTo(4500);
    assertThat(offer.path("currency").asText()).isEqualTo("EUR");
    assertThat(offer.path("description").asText()).isEqualTo("Half of the session price");
  }

  @Test
  @DisplayName("evidence while the process waits for it: 204, files stored as their bytes are, timeline entry, the process resumes")
  void evidenceResumesAWaitingProcess() {
    String[] created = givenCaseInReview();

    Answer answer = upload(created[0], created[1], List.of(
        new Upload("../../etc/receipt.png", "image/png", png()),
        new Upload("invoice <2026>.exe", "application/octet-stream", pdf())));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    List<Map<String, Object>> files = jdbc.sql("""
            select file_name, content_type, size_bytes from claimdesk.case_evidence
            where case_reference = ? order by id""").param(created[0]).query().listOfRows();
    assertThat(files).containsExactly(
        Map.of("file_name", "receipt.png", "content_type", "image/png", "size_bytes", (long) png().length),
        Map.of("file_name", "invoice _2026_.exe.pdf", "content_type", "application/pdf",
            "size_bytes", (long) pdf().length));
    assertThat(timelineEntries(created[0], "EVIDENCE_RECEIVED")).isEqualTo(1);
    assertThat(passed(created[0], "Event_EvidenceReceived")).isEqualTo(1);
    assertThat(processInstances(created[0])).as("the stand-in waits again").isEqualTo(1);
    assertThat(caseService.evidenceOf(created[0])).extracting(EvidenceItem::fileName)
        .containsExactly("receipt.png", "invoice _2026_.exe.pdf");
  }

  @Test
  @DisplayName("evidence whose bytes are not an allowed type, or not what it claims, is a 400 naming it; nothing is stored")
  void badEvidenceIsRefusedAndNothingStored() {
    String[] created = givenCaseInReview();
    byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};

    Answer answer = upload(created[0], created[1], List.of(
        new Upload("fine.pdf", "application/pdf", pdf()),
        new Upload("photo.png", "image/png", "just text".getBytes(StandardCharsets.UTF_8)),
        new Upload("tool.pdf", "application/pdf", executable)));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.errorFields()).containsExactly("file[1]", "file[2]");
    assertThat(evidenceFiles(created[0])).isZero();
    assertThat(timelineEntries(created[0], "EVIDENCE_RECEIVED")).isZero();
    assertThat(passed(created[0], "Event_EvidenceReceived")).isZero();

    Answer noFile = call(HttpMethod.POST, "/api/cases/" + created[0] + "/evidence", null, TOKEN_HEADER, created[1],
        "Content-Type", MediaType.MULTIPART_FORM_DATA_VALUE + ";boundary=x");
    assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);

    Answer wrongToken = upload(created[0], "wrong", List.of(new Upload("a.pdf", "application/pdf", pdf())));
    assertThat(wrongToken.status()).isEqualTo(404);
    assertThat(evidenceFiles(created[0])).isZero();
  }

  @Test
  @DisplayName("a final case takes no evidence (409); a case whose process waits for something else stores it without resuming")
  void evidenceOnFinalAndOnBusyCases() {
    String email = unique("final") + "@example.com";
    Answer refused = fileRefund(refundRequest(givenOrder(email, "en"), email, "CHANGED_MIND"), null);
    String finalCase = refused.json().path("reference").asText();

    Answer onFinal = upload(finalCase, refused.json().path("accessToken").asText(),
        List.of(new Upload("late.pdf", "application/pdf", pdf())));

    assertThat(onFinal.status()).as(onFinal.toString()).isEqualTo(409);
    assertThat(onFinal.isProblem()).isTrue();
    assertThat(evidenceFiles(finalCase)).isZero();

    String[] created = givenCaseInReview();
    assertThat(call(HttpMethod.POST, "/api/cases/" + created[0] + "/offer/accept", null, TOKEN_HEADER, created[1])
        .status()).isEqualTo(204);

    Answer whileAwaitingFeedback = upload(created[0], created[1],
        List.of(new Upload("notes.txt", "text/plain; charset=UTF-8", "Bonjour, voilà.\n".getBytes(StandardCharsets.UTF_8))));

    assertThat(whileAwaitingFeedback.status()).as(whileAwaitingFeedback.toString()).isEqualTo(204);
    assertThat(evidenceFiles(created[0])).isEqualTo(1);
    assertThat(timelineEntries(created[0], "EVIDENCE_RECEIVED")).isEqualTo(1);
    assertThat(passed(created[0], "Event_EvidenceReceived")).as("not correlated").isZero();
    assertThat(runtimeService.createExecutionQuery().processInstanceBusinessKey(created[0])
        .messageEventSubscriptionName("FeedbackReceived").count()).as("still waiting for feedback").isEqualTo(1);
  }

  @Test
  @DisplayName("a case holds at most evidence-max-files files: beyond, 409 and nothing stored")
  void evidenceIsCappedPerCase() {
    String[] created = givenCaseInReview();
    List<Upload> tooMany = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      tooMany.add(new Upload("note-" + i + ".txt", "text/plain", ("note " + i).getBytes(StandardCharsets.UTF_8)));
    }

    Answer answer = upload(created[0], created[1], tooMany);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
    assertThat(evidenceFiles(created[0])).isZero();
  }

  @Test
  @DisplayName("a file over spring.servlet.multipart.max-file-size is a 413 problem")
  void anOversizedFileIsA413() throws Exception {
    String[] created = givenCaseInReview();
    byte[] big = new byte[11 * 1024 * 1024];
    System.arraycopy(pdf(), 0, big, 0, pdf().length);

    // Tomcat answers before it has read the whole body and closes the connection, which the JDK
    // HTTP client reports as an I/O error; a plain socket reads the answer as a browser would.
    String answer = RawHttp.postMultipart(port, "/api/cases/" + created[0] + "/evidence",
        Map.of(TOKEN_HEADER, created[1]), "file", "big.pdf", "application/pdf", big);

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(evidenceFiles(created[0])).isZero();
  }

  @Test
  @DisplayName("offer accepted while waiting: 204 and OFFER_ACCEPTED; again, or declined now: 409 and nothing stored")
  void acceptingAnOfferOnlyWhenWaiting() {
    String[] created = givenCaseInReview();
    String path = "/api/cases/" + created[0];
    // The view lists what the process waits for now, so a page shows only what will be accepted.
    assertThat(view(created[0], created[1]).json().path("actions")).extracting(JsonNode::asText)
        .contains("SEND_EVIDENCE", "ANSWER_OFFER").doesNotContain("WITHDRAW");

    Answer accepted = call(HttpMethod.POST, path + "/offer/accept", null, TOKEN_HEADER, created[1]);
    Answer again = call(HttpMethod.POST, path + "/offer/accept", null, TOKEN_HEADER, created[1]);
    Answer declined = call(HttpMethod.POST, path + "/offer/decline", null, TOKEN_HEADER, created[1]);

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
    assertThat(passed(created[0], "Event_OfferAccepted")).isEqualTo(1);
    assertThat(view(created[0], created[1]).json().path("actions")).extracting(JsonNode::asText)
        .doesNotContain("ANSWER_OFFER");
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
    assertThat(declined.status()).isEqualTo(409);
    assertThat(timelineEntries(created[0], "OFFER_ACCEPTED")).isEqualTo(1);
    assertThat(timelineEntries(created[0], "OFFER_DECLINED")).isZero();
    assertThat(call(HttpMethod.POST, path + "/offer/accept", null, TOKEN_HEADER, "wrong").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("offer declined while waiting: 204, OFFER_DECLINED in the case's language")
  void decliningAnOffer() {
    String email = unique("fr") + "@example.com";
    Answer filed = fileRefund(refundRequest(givenOrder(email, "fr"), email, "SERVICE_ISSUE"), null);
    String reference = filed.json().path("reference").asText();

    Answer declined = call(HttpMethod.POST, "/api/cases/" + reference + "/offer/decline", null,
        TOKEN_HEADER, filed.json().path("accessToken").asText());

    assertThat(declined.status()).isEqualTo(204);
    assertThat(passed(reference, "Event_OfferDeclined")).isEqualTo(1);
    assertThat(timelineStore.entriesOf(reference)).extracting(TimelineEntry::message)
        .contains("Vous avez refusé l'offre.");
  }

  @Test
  @DisplayName("feedback: 409 before the process asks for it, 204 and stored after, 400 naming bad fields")
  void feedbackOnlyWhenWaiting() {
    String[] created = givenCaseInReview();
    String path = "/api/cases/" + created[0];
    Map<String, Object> feedback = Map.of("satisfied", true, "comment", "Quick and fair.");

    Answer tooEarly = call(HttpMethod.POST, path + "/feedback", feedback, TOKEN_HEADER, created[1]);

    assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(409);
    assertThat(count("select count(*) from claimdesk.claim_case where reference = ? and feedback_at is not null",
        created[0])).isZero();
    assertThat(timelineEntries(created[0], "FEEDBACK_RECEIVED")).isZero();

    call(HttpMethod.POST, path + "/offer/accept", null, TOKEN_HEADER, created[1]);
    Answer badType = call(HttpMethod.POST, path + "/feedback", "{\"satisfied\": \"yes\"}", TOKEN_HEADER, created[1]);
    Answer missing = call(HttpMethod.POST, path + "/feedback", "{\"comment\": \"no flag\"}", TOKEN_HEADER, created[1]);
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.errorFields()).containsExactly("satisfied");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorFields()).containsExactly("satisfied");

    Answer given = call(HttpMethod.POST, path + "/feedback", feedback, TOKEN_HEADER, created[1]);

    assertThat(given.status()).as(given.toString()).isEqualTo(204);
    Map<String, Object> stored = jdbc.sql("""
            select feedback_satisfied, feedback_comment from claimdesk.claim_case where reference = ?""")
        .param(created[0]).query().singleRow();
    assertThat(stored).containsEntry("feedback_satisfied", true).containsEntry("feedback_comment", "Quick and fair.");
    assertThat(timelineEntries(created[0], "FEEDBACK_RECEIVED")).isEqualTo(1);
    assertThat(processInstances(created[0])).as("the stand-in ends after feedback").isZero();
    assertThat(call(HttpMethod.POST, path + "/feedback", feedback, TOKEN_HEADER, created[1]).status()).isEqualTo(409);
  }

  @Test
  @DisplayName("staff who may see the case read an evidence file as a download; staff without a task on it 404;"
      + " others 401/403; unknown 404")
  void staffDownloadEvidence() {
    String[] created = givenCaseInReview();
    upload(created[0], created[1], List.of(new Upload("reçu.pdf", "application/pdf", pdf())));
    String id = caseService.evidenceOf(created[0]).get(0).id();
    String path = "/api/staff/cases/" + created[0] + "/evidence/" + id;

    // The stand-in process has no user task: only managers (READ on instances) and admins see it.
    for (String staff : List.of("mia", "admin")) {
      Answer answer = call(HttpMethod.GET, path, null, "user", staff);
      assertThat(answer.status()).as(staff + ": " + answer).isEqualTo(200);
      assertThat(answer.raw()).isEqualTo(pdf());
      assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      ContentDisposition disposition = answer.headers().getContentDisposition();
      assertThat(disposition.isAttachment()).isTrue();
      assertThat(disposition.getFilename()).isEqualTo("reçu.pdf");
      assertThat(answer.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    assertThat(call(HttpMethod.GET, path, null).status()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, path, null, "user", "shop").status()).isEqualTo(403);
    assertThat(call(HttpMethod.GET, path, null, "user", "alex").status()).isEqualTo(403);
    assertThat(call(HttpMethod.GET, path, null, "user", "anna").status()).isEqualTo(404);
    assertThat(call(HttpMethod.GET, path, null, "user", "fred").status()).isEqualTo(404);
    assertThat(call(HttpMethod.GET, path + "0", null, "user", "mia").status()).isEqualTo(404);
    assertThat(call(HttpMethod.GET, "/api/staff/cases/CD-00000000/evidence/" + id, null, "user", "mia").status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("PD-6: the case view lists the documents; the customer downloads one with the token, as an attachment")
  void theCustomerDownloadsADocument() {
    String[] created = givenCaseInReview();
    assertThat(view(created[0], created[1]).json().path("documents")).isEmpty();
    byte[] pdf = pdf();
    CaseDocument stored = documents.store(created[0], "resolution", CaseDocuments.RESOLUTION,
        "résolution " + created[0] + ".pdf", "application/pdf", pdf);
    String path = "/api/cases/" + created[0] + "/documents/" + stored.id();

    JsonNode listed = view(created[0], created[1]).json().path("documents");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("id").asText()).isEqualTo(stored.id());
    assertThat(listed.get(0).path("kind").asText()).isEqualTo("RESOLUTION");
    assertThat(listed.get(0).path("fileName").asText()).isEqualTo("résolution " + created[0] + ".pdf");
    assertThat(listed.get(0).path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(listed.get(0).path("href").asText()).isEqualTo(path);

    Answer answer = call(HttpMethod.GET, path, null, TOKEN_HEADER, created[1]);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.raw()).isEqualTo(pdf);
    assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    ContentDisposition disposition = answer.headers().getContentDisposition();
    assertThat(disposition.isAttachment()).isTrue();
    assertThat(disposition.getFilename()).isEqualTo("résolution " + created[0] + ".pdf");
    assertThat(answer.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.headers().getFirst("Content-Security-Policy")).contains("sandbox");
    assertThat(answer.headers().getCacheControl()).contains("no-store");

    Answer staff = call(HttpMethod.GET, "/api/staff/cases/" + created[0] + "/documents/" + stored.id(), null,
        "user", "mia");
    assertThat(staff.status()).as(staff.toString()).isEqualTo(200);
    assertThat(staff.raw()).isEqualTo(pdf);
    assertThat(staff.headers().getContentDisposition().isAttachment()).isTrue();
    assertThat(call(HttpMethod.GET, "/api/staff/cases/" + created[0] + "/documents/" + stored.id(), null)
        .status()).isEqualTo(401);
  }

  @Test
  @DisplayName("a document answers the same 404 for a wrong or missing token, another case's document, an unknown id")
  void documentsFollowTheTokenRules() {
    String[] mine = givenCaseInReview();
    String[] other = givenCaseInReview();
    CaseDocument theirs = documents.store(other[0], "resolution", CaseDocuments.RESOLUTION,
        "resolution.pdf", "application/pdf", pdf());
    CaseDocument myDocument = documents.store(mine[0], "resolution", CaseDocuments.RESOLUTION,
        "resolution.pdf", "application/pdf", pdf());
    String myDocuments = "/api/cases/" + mine[0] + "/documents/";

    Answer wrongToken = call(HttpMethod.GET, myDocuments + myDocument.id(), null,
        TOKEN_HEADER, mine[1].substring(1) + "A");
    Answer missingToken = call(HttpMethod.GET, myDocuments + myDocument.id(), null);
    Answer othersToken = call(HttpMethod.GET, myDocuments + myDocument.id(), null, TOKEN_HEADER, other[1]);
    Answer othersDocument = call(HttpMethod.GET, myDocuments + theirs.id(), null, TOKEN_HEADER, mine[1]);
    Answer unknownId = call(HttpMethod.GET, myDocuments + "999999999", null, TOKEN_HEADER, mine[1]);
    Answer notAnId = call(HttpMethod.GET, myDocuments + "resolution", null, TOKEN_HEADER, mine[1]);
    Answer unknownCase = view(mine[0], "wrong");

    for (Answer answer : List.of(wrongToken, missingToken, othersToken, othersDocument, unknownId, notAnId)) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
      assertThat(answer.isProblem()).isTrue();
      assertThat(answer.jsonWithoutInstance()).isEqualTo(unknownCase.jsonWithoutInstance());
    }
    assertThat(call(HttpMethod.GET, "/api/staff/cases/" + mine[0] + "/documents/" + theirs.id(), null,
        "user", "anna").status()).isEqualTo(404);
  }
}
