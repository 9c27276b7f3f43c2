package org.claimdesk.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import org.claimdesk.jdbc.DbTimes;
import org.claimdesk.web.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} of the claim intake, Stripe-like: the first request with a key claims it
 * by inserting a row in the transaction that creates the case; the same key with the same
 * request replays that answer, with another request it is a conflict. The key's unique index
 * makes a concurrent request with the same key wait until the first one's transaction ends and
 * then find its row, so one key gives one case. A request refused (400, 422) rolls its claim back:
 * it leaves nothing behind.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class IdempotentRequests {

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_KEY_LENGTH = 128;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:~+/=-]{0,127}");

  private final JdbcClient jdbc;
  private final JdbcCaseService cases;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  IdempotentRequests(JdbcClient jdbc, JdbcCaseService cases, PlatformTransactionManager transactionManager,
      Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** What the first request with a key did. */
  public record Stored(String requestHash, String caseReference, int responseStatus) {
  }

  /** A problem with the header's value unless it is 1 to 128 letters, digits and {@code . _ : ~ + / = -}. */
  public static Optional<FieldProblem> checkKey(String key) {
    if (key == null || KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    return Optional.of(new FieldProblem(HEADER, "must be 1 to " + MAX_KEY_LENGTH
        + " characters: letters, digits and . _ : ~ + / = -, starting with a letter or digit"));
  }

  /** The SHA-256 of a request's fields (length-prefixed, so no two requests share an encoding). */
  public static String requestHash(String... fields) {
    StringBuilder canonical = new StringBuilder();
    for (String field : fields) {
      if (field == null) {
        canonical.append("-;");
      } else {
        canonical.append(field.length()).append(':').append(field).append(';');
      }
    }
    return JdbcCaseService.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Claims {@code key} within {@code scope} for this request, in the caller's transaction. Empty
   * when the key is new: the caller goes on and calls {@link #complete}. Otherwise what the
   * first request with the key did (waiting for it to commit if it is still running).
   */
  public Optional<Stored> claim(String scope, String key, String requestHash) {
    Optional<Stored> stored = find(scope, key);
    if (stored.isPresent()) {
      return stored;
    }
    try {
      savepoint.executeWithoutResult(status -> jdbc.sql("""
              insert into claimdesk.idempotent_request (idempotency_key, scope, request_hash, created_at)
              values (:key, :scope, :hash, :now)""")
          .param("key", key)
          .param("scope", scope)
          .param("hash", requestHash)
          .param("now", DbTimes.toDb(clock.instant()))
          .update());
      return Optional.empty();
    } catch (DuplicateKeyException concurrent) {
      return Optional.of(find(scope, key).orElseThrow(() ->
          new IllegalStateException("Idempotency key claimed and gone again", concurrent)));
    }
  }

  /**
   * For a claim with an {@code Idempotency-Key}: claims the key (empty: go on and file the claim,
   * then {@link #remember} the answer), or answers as the first request with that key did: same
   * status, same case, the same access token for a created case, the case as it stands now.
   *
   * @throws IdempotencyKeyConflictException 409, the key was used with a different request
   */
  public Optional<FiledClaim> claimOrReplay(String scope, String key, String requestHash) {
    if (key == null) {
      return Optional.empty();
    }
    Optional<Stored> claimed = claim(scope, key, requestHash);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Stored stored = claimed.get();
    if (!stored.requestHash().equals(requestHash) || stored.caseReference() == null) {
      throw new IdempotencyKeyConflictException();
    }
    CaseRecord record = cases.get(stored.caseReference());
    FiledClaim first = stored.responseStatus() == FiledClaim.CREATED
        ? FiledClaim.created(record, cases.accessTokenOf(record.reference()))
        : FiledClaim.existing(record);
    return Optional.of(new FiledClaim(first.status(), first.answer(), true));
  }

  /** Records how the claim with {@code key} was answered (nothing without a key). */
  public void remember(String scope, String key, FiledClaim filed) {
    if (key != null) {
      complete(scope, key, filed.reference(), filed.status());
    }
  }

  /** Records the answer the request with {@code key} gave: which case, which status. */
  public void complete(String scope, String key, String caseReference, int responseStatus) {
    int updated = jdbc.sql("""
            update claimdesk.idempotent_request set case_reference = :reference, response_status = :status
            where idempotency_key = :key and scope = :scope""")
        .param("reference", caseReference)
        .param("status", responseStatus)
        .param("key", key)
        .param("scope", scope)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("Idempotency key not claimed before completing it");
    }
  }

  private Optional<Stored> find(String scope, String key) {
    return jdbc.sql("""
            select request_hash, case_reference, response_status from claimdesk.idempotent_request
            where idempotency_key = :key and scope = :scope""")
        .param("key", key)
        .param("scope", scope)
        .query((rs, row) -> new Stored(rs.getString("request_hash"), rs.getString("case_reference"),
            rs.getInt("response_status")))
        .optional();
  }
}
