package org.claimdesk.cases;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a claim that came in by another channel than the web (a mail, a phone call, a chat) through
 * the very intake the start page's form uses ({@link ClaimFormFiler}): the same fields, checks,
 * idempotency and answer, so no channel has rules of its own. A new case remembers its channel.
 */
@Service
public class ChannelFiling {

  private final Map<String, ClaimFormFiler> filers;
  private final JdbcClient jdbc;

  ChannelFiling(java.util.List<ClaimFormFiler> filers, JdbcClient jdbc) {
    this.filers = filers.stream().collect(Collectors.toUnmodifiableMap(ClaimFormFiler::form, Function.identity()));
    this.jdbc = jdbc;
  }

  /** The claim kinds a channel can file, by the start page's form key ({@code refund}, {@code wallet}, ...). */
  public boolean knows(String form) {
    return filers.containsKey(form);
  }

  /**
   * Files the claim and, when it opened a case, records the channel on it, in one transaction.
   *
   * @param form the kind of claim, as the start page names its forms
   * @param fields the claim's fields, named as the form's (and the JSON API's)
   * @param idempotencyKey the key that makes filing it again answer with the same case
   * @throws org.claimdesk.commerce.InvalidRecordException 400, bad fields
   * @throws org.claimdesk.commerce.UnprocessableRecordException 422, no such subject for that email
   * @throws IdempotencyKeyConflictException the key came with another claim
   */
  @Transactional
  public FiledClaim file(String form, Map<String, String> fields, String idempotencyKey, CaseChannel channel) {
    return file(form, fields, idempotencyKey, channel, null);
  }

  /**
   * As {@link #file(String, Map, String, CaseChannel)}, for a claim a customer's mail made: the
   * case remembers the mail's Message-ID, which Claimdesk's emails on the case answer.
   */
  @Transactional
  public FiledClaim file(String form, Map<String, String> fields, String idempotencyKey, CaseChannel channel,
      String originMessageId) {
    ClaimFormFiler filer = Optional.ofNullable(filers.get(form))
        .orElseThrow(() -> new IllegalArgumentException("No claim form " + form));
    FiledClaim filed = filer.fileForm(fields, idempotencyKey);
    if (filed.created() && !filed.replayed()) {
      jdbc.sql("update claimdesk.claim_case set channel = :channel, origin_message_id = :origin"
              + " where reference = :reference")
          .param("channel", channel.name())
          .param("origin", originMessageId)
          .param("reference", filed.reference())
          .update();
    }
    return filed;
  }

  /** The Message-ID (without brackets) of the customer's mail that opened the case, if one did. */
  public Optional<String> originMessageIdOf(String reference) {
    return jdbc.sql("select origin_message_id from claimdesk.claim_case where reference = :reference")
        .param("reference", reference)
        .query(String.class)
        .optional();
  }
}
