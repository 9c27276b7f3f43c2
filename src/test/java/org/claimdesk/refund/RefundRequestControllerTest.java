package org.claimdesk.refund;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.web.ApiSlice;
import org.claimdesk.web.FieldProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code POST /api/refund-requests}, in a web slice (no database, no engine). */
@ApiSlice(RefundRequestController.class)
class RefundRequestControllerTest {

  private static final String VALID = """
      {"orderId": "ORD-1", "email": "ann@example.com", "reason": "NOT_DELIVERED",
       "description": "Nothing came.", "language": "fr"}""";

  @Autowired
  MockMvc mvc;

  @MockitoBean
  RefundIntake intake;

  @Test
  @DisplayName("a new case: 201, its Location, no-store, the token once, and the Idempotency-Key handed to the intake")
  void created() throws Exception {
    when(intake.file(any(), eq("key-1"))).thenReturn(FiledClaim.created(record("CD-ABCDEF12"), "tok-123"));

    mvc.perform(post("/api/refund-requests").contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", "key-1").content(VALID))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/cases/CD-ABCDEF12"))
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andExpect(jsonPath("$.reference").value("CD-ABCDEF12"))
        .andExpect(jsonPath("$.status").value("IN_REVIEW"))
        .andExpect(jsonPath("$.accessToken").value("tok-123"));

    verify(intake).file(new RefundRequest("ORD-1", "ann@example.com", "NOT_DELIVERED", "Nothing came.", "fr"), "key-1");
  }

  @Test
  @DisplayName("the open case of that order: 200 without a token or a Location")
  void existing() throws Exception {
    when(intake.file(any(), isNull())).thenReturn(FiledClaim.existing(record("CD-ABCDEF12")));

    mvc.perform(post("/api/refund-requests").contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Location"))
        .andExpect(jsonPath("$.reference").value("CD-ABCDEF12"))
        .andExpect(jsonPath("$.accessToken").doesNotExist());
  }

  @Test
  @DisplayName("a replayed Idempotency-Key is marked Idempotent-Replayed")
  void replayed() throws Exception {
    FiledClaim first = FiledClaim.created(record("CD-ABCDEF12"), "tok-123");
    when(intake.file(any(), eq("key-1"))).thenReturn(new FiledClaim(first.status(), first.answer(), true));

    mvc.perform(post("/api/refund-requests").contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", "key-1").content(VALID))
        .andExpect(status().isCreated())
        .andExpect(header().string("Idempotent-Replayed", "true"));
  }

  @Test
  @DisplayName("an unknown field is a 400 problem naming it, and the intake is never called")
  void unknownField() throws Exception {
    mvc.perform(post("/api/refund-requests").contentType(MediaType.APPLICATION_JSON)
            .content(VALID.replace("\"language\"", "\"amountMinor\": 100, \"language\"")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("amountMinor")));
    verifyNoInteractions(intake);
  }

  @Test
  @DisplayName("a number where text belongs is a 400 problem naming the field; nothing is filed")
  void numberForText() throws Exception {
    mvc.perform(post("/api/refund-requests").contentType(MediaType.APPLICATION_JSON)
            .content(VALID.replace("\"ORD-1\"", "12")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("orderId")));
    verifyNoInteractions(intake);
  }

  @Test
  @DisplayName("a form post or broken JSON is refused as problem+json before the intake")
  void notJson() throws Exception {
    mvc.perform(post("/api/refund-requests").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("orderId=ORD-1"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(post("/api/refund-requests").contentType(MediaType.APPLICATION_JSON).content("{\"orderId\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(intake);
  }

  @Test
  @DisplayName("the intake's field problems come back as a 400 with an errors array")
  void fieldProblems() throws Exception {
    when(intake.file(any(), any())).thenThrow(new InvalidRecordException(List.of(
        new FieldProblem("email", "must be a well-formed email address"))));

    mvc.perform(post("/api/refund-requests").contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("email"))
        .andExpect(jsonPath("$.detail", containsString("email")));
  }

  private static CaseRecord record(String reference) {
    return new CaseRecord(reference, CaseType.REFUND_REQUEST, CaseStatus.IN_REVIEW, null, null, "default", "1",
        "CUS-1", "ORD-1", Locale.FRENCH, Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"),
        null);
  }
}
