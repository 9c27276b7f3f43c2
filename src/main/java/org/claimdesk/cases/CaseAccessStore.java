package org.claimdesk.cases;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access-token columns of {@code claim_case} ({@code access_token_hash}, {@code token_salt}):
 * a customer reaches a case only with its token, and the private link is derived again from the
 * salt when an email goes out. The token itself is never stored (see {@link CaseTokens}).
 */
@Repository
@Transactional(propagation = Propagation.REQUIRED, readOnly = true)
public class CaseAccessStore {

  private final JdbcClient jdbc;
  private final CaseTokens tokens;
  private final CaseService cases;

  CaseAccessStore(JdbcClient jdbc, CaseTokens tokens, CaseService cases) {
    this.jdbc = jdbc;
    this.tokens = tokens;
    this.cases = cases;
  }

  /**
   * The case, if {@code token} is its access token; empty for an unknown reference and for a
   * wrong or missing token alike (both cost one lookup and one constant-time comparison).
   */
  public Optional<CaseRecord> findWithToken(String reference, String token) {
    String canonical = CaseReferences.normalize(reference);
    Optional<String> storedHash = canonical == null ? Optional.empty()
        : jdbc.sql("select access_token_hash from claimdesk.claim_case where reference = :reference")
            .param("reference", canonical)
            .query(String.class)
            .optional();
    boolean matches = tokens.matches(token, storedHash.orElse(null));
    return matches ? cases.find(canonical) : Optional.empty();
  }

  /** The case's access token, derived again from its stored salt (for a replayed claim, a private link). */
  public String accessTokenOf(String reference) {
    String salt = jdbc.sql("select token_salt from claimdesk.claim_case where reference = :reference")
        .param("reference", reference)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new IllegalStateException("No case " + reference));
    return tokens.tokenFor(reference, salt);
  }
}
