package org.claimdesk.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/cases/{reference}/withdraw} on PostgreSQL with the stand-in
 * {@code subscription-cancellation}: 204 while the process waits for the withdrawal, 409 when it
 * does not (nothing stored), 404 for a wrong token.
 */
@PostgresIntegrationTest
class CancellationWithdrawalApiIT extends CancellationApiTestBase {

  @Test
  @DisplayName("204: a scheduled cancellation is withdrawn, WITHDRAWAL on the timeline in the case language, the process resumes; again: 409")
  void aScheduledCancellationIsWithdrawn() {
    String email = unique("undo") + "@example.com";
    String subscriptionId = givenSubscription(email, "en");
    Answer filed = fileCancellation(cancellation(subscriptionId, email, "END_OF_CYCLE", false), null);
    String reference = filed.json().path("reference").asText();
    String token = filed.json().path("accessToken").asText();

    Answer answer = withdraw(reference, token);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    assertThat(jdbc.sql("select message from claimdesk.case_timeline where case_reference = ? and kind = 'WITHDRAWAL'")
        .param(reference).query(String.class).list())
        .containsExactly("Vous avez annulé votre demande de résiliation.");
    assertThat(processInstances(reference)).as("the stand-in ended after the message").isZero();
    assertThat(passed(reference, "Event_Withdrawn")).isEqualTo(1);
    assertThat(view(reference, token).json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(view(reference, token).json().path("outcome").asText()).isEqualTo("WITHDRAWN");

    Answer again = withdraw(reference, token);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
    assertThat(timelineEntries(reference, "WITHDRAWAL")).as("a refused withdrawal stores nothing").isEqualTo(1);
  }

  @Test
  @DisplayName("409: a cancellation decided at once (the process no longer waits) cannot be withdrawn; nothing stored")
  void aCancellationNotWaitingIsA409() {
    String email = unique("late") + "@example.com";
    String subscriptionId = givenSubscription(email, "en");
    Answer filed = fileCancellation(cancellation(subscriptionId, email, "IMMEDIATE", false), null);
    String reference = filed.json().path("reference").asText();

    Answer answer = withdraw(reference, filed.json().path("accessToken").asText());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.json().path("detail").asText()).contains("withdrawal");
    assertThat(timelineEntries(reference, "WITHDRAWAL")).isZero();
  }

  @Test
  @DisplayName("409: a refund case takes no withdrawal")
  void aRefundCaseIsA409() {
    String[] refundCase = givenCaseInReview();

    Answer answer = withdraw(refundCase[0], refundCase[1]);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
    assertThat(timelineEntries(refundCase[0], "WITHDRAWAL")).isZero();
    assertThat(processInstances(refundCase[0])).isEqualTo(1);
  }

  @Test
  @DisplayName("404: a wrong or missing token and an unknown reference answer alike; the process keeps waiting")
  void aWrongTokenIsA404() {
    String email = unique("token") + "@example.com";
    String subscriptionId = givenSubscription(email, "en");
    Answer filed = fileCancellation(cancellation(subscriptionId, email, "END_OF_CYCLE", false), null);
    String reference = filed.json().path("reference").asText();

    Answer wrong = withdraw(reference, "x".repeat(43));
    Answer missing = withdraw(reference, null);
    Answer unknown = withdraw("CD-00000000", filed.json().path("accessToken").asText());

    assertThat(wrong.status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(wrong.jsonWithoutInstance()).isEqualTo(unknown.jsonWithoutInstance());
    assertThat(processInstances(reference)).isEqualTo(1);
    assertThat(timelineEntries(reference, "WITHDRAWAL")).isZero();
  }
}
