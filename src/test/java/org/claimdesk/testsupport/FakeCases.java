package org.claimdesk.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.claimdesk.cases.CaseOffer;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.CustomerContact;
import org.claimdesk.cases.EvidenceItem;

/** The case record in memory, for process tests: state a test can assert on. */
public class FakeCases implements CaseService {

  public record SlaBreach(String reference, String task, Instant dueAt, Instant breachedAt) {
  }

  private final Map<String, CaseRecord> cases = new HashMap<>();
  public final List<SlaBreach> breaches = new ArrayList<>();
  public final Map<String, List<EvidenceItem>> evidence = new HashMap<>();

  public void open(String reference, String orderId, String profile, Instant openedAt) {
    cases.put(reference, new CaseRecord(reference, CaseType.REFUND_REQUEST, CaseStatus.RECEIVED, null, null, profile,
        "test", "cus-1", orderId, Locale.ENGLISH, openedAt, null, null));
  }

  @Override
  public Optional<CaseRecord> find(String reference) {
    return Optional.ofNullable(cases.get(reference));
  }

  @Override
  public void updateStatus(String reference, CaseStatus status) {
    CaseRecord c = get(reference);
    put(new CaseRecord(c.reference(), c.type(), status, c.outcome(), c.ruleId(), c.policyProfile(), c.policyVersion(),
        c.customerId(), c.subjectId(), c.language(), c.openedAt(), c.replyDueBy(), c.offer()));
  }

  @Override
  public void setReplyDueBy(String reference, Instant replyDueBy) {
    CaseRecord c = get(reference);
    put(new CaseRecord(c.reference(), c.type(), c.status(), c.outcome(), c.ruleId(), c.policyProfile(),
        c.policyVersion(), c.customerId(), c.subjectId(), c.language(), c.openedAt(), replyDueBy, c.offer()));
  }

  @Override
  public void recordOutcome(String reference, CaseStatus status, CaseOutcome outcome, String ruleId) {
    CaseRecord c = get(reference);
    put(new CaseRecord(c.reference(), c.type(), status, outcome, ruleId, c.policyProfile(), c.policyVersion(),
        c.customerId(), c.subjectId(), c.language(), c.openedAt(), c.replyDueBy(), c.offer()));
  }

  @Override
  public void recordOffer(String reference, CaseOffer offer) {
    CaseRecord c = get(reference);
    put(new CaseRecord(c.reference(), c.type(), c.status(), c.outcome(), c.ruleId(), c.policyProfile(),
        c.policyVersion(), c.customerId(), c.subjectId(), c.language(), c.openedAt(), c.replyDueBy(), offer));
  }

  @Override
  public void recordSlaBreach(String reference, String taskDefinitionKey, Instant dueAt, Instant breachedAt) {
    breaches.add(new SlaBreach(reference, taskDefinitionKey, dueAt, breachedAt));
  }

  @Override
  public void appendTimeline(String reference, String kind, String message) {
    get(reference);
  }

  @Override
  public CustomerContact contactOf(String reference) {
    return new CustomerContact("Marie Dubois", "marie@example.com", Locale.FRENCH);
  }

  @Override
  public List<EvidenceItem> evidenceOf(String reference) {
    return evidence.getOrDefault(reference, List.of());
  }

  private void put(CaseRecord record) {
    cases.put(record.reference(), record);
  }
}
