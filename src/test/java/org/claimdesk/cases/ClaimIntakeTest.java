package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The HTTP answer every claim intake gives, and the timeline text of a withdrawal. */
class ClaimIntakeTest {

  private static final CaseRecord CASE = new CaseRecord("CD-7K2M9QXA", CaseType.SUBSCRIPTION_CANCELLATION,
      CaseStatus.IN_REVIEW, null, null, "standard", "2026-11-01", "cus-1", "sub-1", Locale.FRENCH,
      Instant.parse("2026-11-20T09:00:00Z"), null, null);

  @Test
  void aNewCaseIs201WithItsLocationAndToken() {
    ResponseEntity<ClaimAnswer> answer = ClaimIntake.answer(FiledClaim.created(CASE, "token"));

    assertThat(answer.getStatusCode().value()).isEqualTo(201);
    assertThat(answer.getHeaders().getLocation()).hasToString("/api/cases/CD-7K2M9QXA");
    assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
    assertThat(answer.getHeaders().containsKey("Idempotent-Replayed")).isFalse();
    assertThat(answer.getBody().accessToken()).isEqualTo("token");
    assertThat(answer.getBody().type()).isEqualTo(CaseType.SUBSCRIPTION_CANCELLATION);
  }

  @Test
  void theOpenCaseIs200WithoutLocationOrToken() {
    ResponseEntity<ClaimAnswer> answer = ClaimIntake.answer(FiledClaim.existing(CASE));

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().getLocation()).isNull();
    assertThat(answer.getBody().accessToken()).isNull();
  }

  @Test
  void aReplayIsMarked() {
    FiledClaim first = FiledClaim.created(CASE, "token");

    ResponseEntity<ClaimAnswer> answer = ClaimIntake.answer(new FiledClaim(first.status(), first.answer(), true));

    assertThat(answer.getStatusCode().value()).isEqualTo(201);
    assertThat(answer.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void aWithdrawalIsRecordedInTheCaseLanguage() {
    assertThat(TimelineTexts.withdrawn(Locale.ENGLISH, CaseType.SUBSCRIPTION_CANCELLATION))
        .isEqualTo("You withdrew your cancellation request.");
    assertThat(TimelineTexts.withdrawn(Locale.FRENCH, CaseType.SUBSCRIPTION_CANCELLATION))
        .isEqualTo("Vous avez annulé votre demande de résiliation.");
    assertThat(TimelineTexts.withdrawn(null, CaseType.REFUND_REQUEST)).isEqualTo("You withdrew your request.");
  }
}
