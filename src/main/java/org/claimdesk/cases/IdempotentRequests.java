package org.claimdesk.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.claimdesk.jdbc.DbTimes;
import org.claimdesk.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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
 *
 * <p>A key belongs to its caller ({@link RequestCaller}: the account, or for an anonymous caller
 * its address; stored as a SHA-256): the same key from another caller is another key, so nobody
 * can replay someone else's request, learn that a key was used, or block it with a 409. A key is
 * forgotten {@code claimdesk.idempotency.retention} (24 h) after its first request, when
 * {@link #pruneExpired} deletes it; a replay later than {@code token-replay-window} (15 min)
 * answers without the access token.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class IdempotentRequests {

  private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_KEY_LENGTH = 128;
  /** The row of one key: its value, endpoint and caller (the primary key, V12). */
  private static final String KEY_MATCHES = "idempotency_key = :key and scope = :scope and caller = :caller";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:~+/=-]{0,127}");

  private final JdbcClient jdbc;
  private final CaseService cases;
  private final CaseAccessStore access;
  private final RequestCaller callers;
  private final IdempotencyProperties properties;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  IdempotentRequests(JdbcClient jdbc, CaseService cases, CaseAccessStore access, RequestCaller callers, IdempotencyProperties properties,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.access = access;
    this.callers = callers;
    this.properties = properties;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * One caller's key on one endpoint.
   *
   * @param caller the SHA-256 (hex) of the {@link RequestCaller} identity
   */
  public record Key(String scope, String caller, String value) {
  }

  /** What the first request with a key did, and when. */
  public record Stored(String requestHash, String caseReference, int responseStatus, Instant createdAt) {
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
    return CaseTokens.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The current caller's key {@code value} on the endpoint {@code scope}; null without a header. */
  @Transactional(propagation = Propagation.SUPPORTS)
  public Key keyOf(String scope, String value) {
    if (value == null) {
      return null;
    }
    return new Key(scope, CaseTokens.sha256Hex(callers.current().getBytes(StandardCharsets.UTF_8)), value);
  }

  /**
   * Claims {@code key} for this request, in the caller's transaction. Empty when the key is new
   * (or past its retention): the caller goes on and calls {@link #complete}. Otherwise what the
   * first request with the key did (waiting for it to commit if it is still running).
   */
  public Optional<Stored> claim(Key key, String requestHash) {
    Instant now = clock.instant();
    Optional<Stored> stored = find(key);
    if (stored.isPresent() && !expired(stored.get(), now)) {
      return stored;
    }
    try {
      savepoint.executeWithoutResult(status -> {
        if (stored.isPresent()) {
          delete(key);
        }
        byKey(jdbc.sql("""
                insert into claimdesk.idempotent_request (idempotency_key, scope, caller, request_hash, created_at)
                values (:key, :scope, :caller, :hash, :now)"""), key)
            .param("hash", requestHash)
            .param("now", DbTimes.toDb(now))
            .update();
      });
      return Optional.empty();
    } catch (DuplicateKeyException concurrent) {
      return Optional.of(find(key).orElseThrow(() ->
          new IllegalStateException("Idempotency key claimed and gone again", concurrent)));
    }
  }

  /**
   * For a claim with an {@code Idempotency-Key}: claims the key (empty: go on and file the claim,
   * then {@link #remember} the answer), or answers as the first request with that key did: same
   * status, same case, the case as it stands now, and for a created case the same access token
   * if the first request is no longer ago than the token replay window.
   *
   * @param key from {@link #keyOf}, null for a request without the header
   * @throws IdempotencyKeyConflictException 409, the key was used with a different request
   */
  public Optional<FiledClaim> claimOrReplay(Key key, String requestHash) {
    if (key == null) {
      return Optional.empty();
    }
    Optional<Stored> claimed = claim(key, requestHash);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Stored stored = claimed.get();
    if (!stored.requestHash().equals(requestHash) || stored.caseReference() == null) {
      throw new IdempotencyKeyConflictException();
    }
    CaseRecord record = cases.get(stored.caseReference());
    boolean tokenAgain = Duration.between(stored.createdAt(), clock.instant())
        .compareTo(properties.tokenReplayWindow()) <= 0;
    FiledClaim first = stored.responseStatus() == FiledClaim.CREATED
        ? FiledClaim.created(record, tokenAgain ? access.accessTokenOf(record.reference()) : null)
        : FiledClaim.existing(record);
    return Optional.of(new FiledClaim(first.status(), first.answer(), true));
  }

  /** Records how the claim with {@code key} was answered (nothing without a key). */
  public void remember(Key key, FiledClaim filed) {
    if (key != null) {
      complete(key, filed.reference(), filed.status());
    }
  }

  /** Records the answer the request with {@code key} gave: which case, which status. */
  public void complete(Key key, String caseReference, int responseStatus) {
    int updated = byKey(jdbc.sql("update claimdesk.idempotent_request"
            + " set case_reference = :reference, response_status = :status where " + KEY_MATCHES), key)
        .param("reference", caseReference)
        .param("status", responseStatus)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("Idempotency key not claimed before completing it");
    }
  }

  /**
   * Deletes the keys past their retention; every node runs it ({@code prune-interval}), and two
   * nodes deleting the same rows is harmless.
   *
   * @return how many keys were deleted
   */
  @Scheduled(fixedDelayString = "${claimdesk.idempotency.prune-interval:PT1H}",
      initialDelayString = "${claimdesk.idempotency.prune-interval:PT1H}")
  @Transactional(propagation = Propagation.REQUIRED)
  public int pruneExpired() {
    int deleted = jdbc.sql("delete from claimdesk.idempotent_request where created_at < :cutoff")
        .param("cutoff", DbTimes.toDb(clock.instant().minus(properties.retention())))
        .update();
    if (deleted > 0) {
      log.info("Forgot {} Idempotency-Key(s) older than {}", deleted, properties.retention());
    }
    return deleted;
  }

  private static JdbcClient.StatementSpec byKey(JdbcClient.StatementSpec statement, Key key) {
    return statement.param("key", key.value()).param("scope", key.scope()).param("caller", key.caller());
  }

  private boolean expired(Stored stored, Instant now) {
    return stored.createdAt().isBefore(now.minus(properties.retention()));
  }

  private void delete(Key key) {
    byKey(jdbc.sql("delete from claimdesk.idempotent_request where " + KEY_MATCHES), key).update();
  }

  private Optional<Stored> find(Key key) {
    return byKey(jdbc.sql("select request_hash, case_reference, response_status, created_at"
            + " from claimdesk.idempotent_request where " + KEY_MATCHES), key)
        .query((rs, row) -> new Stored(rs.getString("request_hash"), rs.getString("case_reference"),
            rs.getInt("response_status"), DbTimes.fromDb(rs, "created_at")))
        .optional();
  }
}
