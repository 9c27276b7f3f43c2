package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.claimdesk.web.ApiSlice;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of the customer's case API {@code /api/cases/{reference}}, in a web slice. */
@ApiSlice(CustomerCaseController.class)
class CustomerCaseControllerTest {

  private static final String CASE = "/api/cases/CD-ABCDEF12";

  @Autowired
  MockMvc mvc;

  @MockitoBean
  CustomerCases customerCases;

  @Test
  @DisplayName("the case with its token: 200, never cached, the token read from X-Case-Token")
  void view() throws Exception {
    when(customerCases.view("CD-ABCDEF12", "tok-1")).thenReturn(new CaseView("CD-ABCDEF12",
        CaseType.REFUND_REQUEST, CaseStatus.IN_REVIEW, "en", null, null, "1", Instant.parse("2026-12-01T10:00:00Z"),
        null, null, List.of(), List.of(), List.of()));

    mvc.perform(get(CASE).header(CustomerCaseController.TOKEN_HEADER, "tok-1"))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andExpect(jsonPath("$.reference").value("CD-ABCDEF12"))
        .andExpect(jsonPath("$.status").value("IN_REVIEW"));
  }

  @Test
  @DisplayName("a wrong or missing token is the same 404 problem as an unknown case")
  void wrongToken() throws Exception {
    when(customerCases.view(anyString(), any())).thenThrow(new CaseNotFoundException());

    String wrong = mvc.perform(get(CASE).header(CustomerCaseController.TOKEN_HEADER, "nope"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andReturn().getResponse().getContentAsString();
    String missing = mvc.perform(get(CASE))
        .andExpect(status().isNotFound())
        .andReturn().getResponse().getContentAsString();
    assertThat(missing).isEqualTo(wrong);
    verify(customerCases).view("CD-ABCDEF12", null);
  }

  @Test
  @DisplayName("an action the case is not waiting for is a 409 problem")
  void notWaiting() throws Exception {
    doThrow(new CaseNotWaitingException("The case is not waiting for an answer to an offer."))
        .when(customerCases).acceptOffer("CD-ABCDEF12", "tok-1");

    mvc.perform(post(CASE + "/offer/accept").header(CustomerCaseController.TOKEN_HEADER, "tok-1"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("offer")));
  }

  @Test
  @DisplayName("accepting, declining and withdrawing answer 204")
  void actions() throws Exception {
    for (String action : List.of("/offer/accept", "/offer/decline", "/withdraw")) {
      mvc.perform(post(CASE + action).header(CustomerCaseController.TOKEN_HEADER, "tok-1"))
          .andExpect(status().isNoContent());
    }
    verify(customerCases).acceptOffer("CD-ABCDEF12", "tok-1");
    verify(customerCases).declineOffer("CD-ABCDEF12", "tok-1");
    verify(customerCases).withdraw("CD-ABCDEF12", "tok-1");
  }

  @Test
  @DisplayName("feedback is strict JSON: a text for the yes/no is a 400 naming satisfied, never stored")
  void feedback() throws Exception {
    mvc.perform(post(CASE + "/feedback").header(CustomerCaseController.TOKEN_HEADER, "tok-1")
            .contentType(MediaType.APPLICATION_JSON).content("{\"satisfied\": \"yes\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("satisfied"));
    verifyNoInteractions(customerCases);

    mvc.perform(post(CASE + "/feedback").header(CustomerCaseController.TOKEN_HEADER, "tok-1")
            .contentType(MediaType.APPLICATION_JSON).content("{\"satisfied\": false, \"comment\": \"Slow.\"}"))
        .andExpect(status().isNoContent());
    verify(customerCases).giveFeedback("CD-ABCDEF12", "tok-1", new CustomerCases.FeedbackRequest(false, "Slow."));
  }

  @Test
  @DisplayName("evidence: the files of the multipart field 'file' reach the service with their names and bytes")
  @SuppressWarnings("unchecked")
  void evidence() throws Exception {
    byte[] receipt = "receipt".getBytes(StandardCharsets.UTF_8);
    mvc.perform(multipart(CASE + "/evidence")
            .file(new MockMultipartFile("file", "receipt.txt", "text/plain", receipt))
            .header(CustomerCaseController.TOKEN_HEADER, "tok-1"))
        .andExpect(status().is2xxSuccessful());

    ArgumentCaptor<List<EvidenceUpload>> uploads = ArgumentCaptor.forClass(List.class);
    verify(customerCases).addEvidence(eq("CD-ABCDEF12"), eq("tok-1"), uploads.capture());
    assertThat(uploads.getValue()).singleElement().satisfies(upload -> {
      assertThat(upload.originalFileName()).isEqualTo("receipt.txt");
      assertThat(upload.content()).isEqualTo(receipt);
    });
  }

  @Test
  @DisplayName("a document download of another case's token is the 404 problem too")
  void documentWithWrongToken() throws Exception {
    when(customerCases.document(eq("CD-ABCDEF12"), isNull(), anyString())).thenThrow(new CaseNotFoundException());

    mvc.perform(get(CASE + "/documents/1"))
        .andExpect(status().isNotFound());
  }
}
