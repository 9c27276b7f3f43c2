package org.claimdesk.cases;

/**
 * How a claim was answered: {@code 201} with a new case (and its access token), or {@code 200}
 * with the open case of that type on that subject (no token: it is not the caller's to learn).
 * {@code replayed} marks the answer to a repeated {@code Idempotency-Key}.
 */
public record FiledClaim(int status, ClaimAnswer answer, boolean replayed) {

  public static final int CREATED = 201;
  public static final int EXISTING = 200;

  public static FiledClaim created(CaseRecord record, String accessToken) {
    return new FiledClaim(CREATED, ClaimAnswer.of(record, accessToken), false);
  }

  public static FiledClaim existing(CaseRecord record) {
    return new FiledClaim(EXISTING, ClaimAnswer.of(record, null), false);
  }

  public boolean created() {
    return status == CREATED;
  }

  public String reference() {
    return answer.reference();
  }
}
