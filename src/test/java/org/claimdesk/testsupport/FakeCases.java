package org.claimdesk.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.claimdesk.cases.CaseChange;
import org.claimdesk.cases.CaseOffer;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.CustomerContact;
import org.claimdesk.cases.EvidenceItem;
import org.claimdesk.cases.PayoutDecision;

/** The case record in memory, for process tests: state a test can assert on. */
public class FakeCases implements CaseService {

  public record SlaBreach(String reference, String task, Instant dueAt, Instant breachedAt) {
  }

  private final Map<String, CaseRecord> cases = new HashMap<>();
  public final List<SlaBreach> breaches = new ArrayList<>();
  public final Map<String, List<EvidenceItem>> evidence = new HashMap<>();
  private final Map<String, Integer> changes = new HashMap<>();
  private final Map<String, PayoutDecision> payoutDecisions = new HashMap<>();

  public void open(String reference, String orderId, String profile, Instant openedAt) {
    cases.put(reference, new CaseRecord(reference, CaseType.REFUND_REQUEST, CaseStatus.RECEIVED, null, null, profile,
        "test", "cus-1", orderId, Locale.ENGLISH, openedAt, null, null));
  }

  @Override
  public Optional<CaseRecord> find(String reference) {
    return Optional.ofNullable(cases.get(reference));
  }

  /** Applies the change as the database would, and counts it (one write of the case row). */
  @Override
  public void change(String reference, CaseChange change) {
    CaseRecord c = get(reference);
    changes.merge(reference, 1, Integer::sum);
    CaseStatus status = change.status() == null ? c.status() : change.status();
    CaseOutcome outcome = c.outcome();
    String ruleId = c.ruleId();
    if (change.decision() != null) {
      outcome = change.decision().value() == null ? null : change.decision().value().outcome();
      ruleId = change.decision().value() == null ? null : change.decision().value().ruleId();
    }
    Instant replyDueBy = change.replyDueBy() == null ? c.replyDueBy() : change.replyDueBy().value();
    CaseOffer offer = change.offer() == null ? c.offer() : change.offer().value();
    put(new CaseRecord(c.reference(), c.type(), status, outcome, ruleId, c.policyProfile(), c.policyVersion(),
        c.customerId(), c.subjectId(), c.language(), c.openedAt(), replyDueBy, offer));
  }

  @Override
  public void decidePayout(String reference, String decision, PayoutDecision payout) {
    if (payout == null) {
      payoutDecisions.remove(reference + "/" + decision);
    } else {
      payoutDecisions.put(reference + "/" + decision, payout);
    }
  }

  @Override
  public Optional<PayoutDecision> decidedPayout(String reference, String decision) {
    return Optional.ofNullable(payoutDecisions.get(reference + "/" + decision));
  }

  /** How many times the case row was written since it was opened. */
  public int changesOf(String reference) {
    return changes.getOrDefault(reference, 0);
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
  public List<org.claimdesk.cases.TimelineEntry> customerEmailsOf(String reference) {
    get(reference);
    return List.of();
  }

  @Override
  public List<EvidenceItem> evidenceOf(String reference) {
    return evidence.getOrDefault(reference, List.of());
  }

  private void put(CaseRecord record) {
    cases.put(record.reference(), record);
  }
}
