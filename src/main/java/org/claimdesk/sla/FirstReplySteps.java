package org.claimdesk.sla;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.claimdesk.cases.CaseChange;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.EvidenceItem;
import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.cases.TimelineEntry;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.notification.StaffNotifier;
import org.springframework.stereotype.Service;

/**
 * The first reply within 24-48 hours (SL-1), as every process models it: a reply subprocess
 * around a review task (the refund's {@code Task_ReviewClaim}, the discrepancy's
 * {@code Task_InvestigateDiscrepancy}, ...) with a 24 h follow-up timer (priority raised, team
 * lead told) and a 48 h timer (breach recorded, managers escalated). These are its steps.
 */
@Service
public class FirstReplySteps {

  private static final DateTimeFormatter STAFF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final CaseService cases;
  private final CustomerNotifier customer;
  private final StaffNotifier staff;
  private final ServiceLevels serviceLevels;

  public FirstReplySteps(CaseService cases, CustomerNotifier customer, StaffNotifier staff,
      ServiceLevels serviceLevels) {
    this.cases = cases;
    this.customer = customer;
    this.staff = staff;
    this.serviceLevels = serviceLevels;
  }

  /** The request is in review; the customer learns by when they will hear from us. */
  public void acknowledge(String reference, boolean evidenceRequired) {
    Instant replyDueBy = serviceLevels.replyDueBy();
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy));
    customer.send(reference, CustomerMessage.CLAIM_RECEIVED,
        Map.of("replyDueBy", replyDueBy, "evidenceRequired", evidenceRequired));
  }

  /** 24 h: tell the team lead a first reply is late. */
  public void tellTeamLead(String reference, Instant replyDueBy) {
    staff.notifyTeamLead(reference, "First reply due soon: case " + reference,
        "The case " + reference + " has waited 24 hours for its first reply; it is due by "
            + staffTime(replyDueBy) + ". Its task's priority has been raised.");
  }

  /** 48 h: the first reply, owed by the review task {@code reviewTaskKey}, is late. */
  public void recordSlaBreach(String reference, String reviewTaskKey, Instant dueAt, Instant breachedAt) {
    cases.recordSlaBreach(reference, reviewTaskKey, dueAt, breachedAt);
  }

  /** The customer's files as staff read them on a review form, oldest first. */
  public static String evidenceSummary(List<EvidenceItem> items) {
    if (items.isEmpty()) {
      return "None yet.";
    }
    StringBuilder text = new StringBuilder(items.size() + (items.size() == 1 ? " file:" : " files:"));
    for (EvidenceItem item : items) {
      text.append("\n- ").append(item.fileName()).append(" (").append(item.contentType()).append(", ")
          .append(Math.max(1, item.size() / 1024)).append(" KB, received ").append(staffTime(item.receivedAt()))
          .append(")");
    }
    return text.toString();
  }

  /** How much of each of the customer's latest emails the summary shows. */
  static final int EMAIL_EXCERPT = 400;
  static final int EMAILS_SHOWN = 3;

  /**
   * The files, then the customer's latest emails on the case (the support mailbox), newest first,
   * each with when it came and its first words: what a form shows of what the customer sent.
   */
  public static String evidenceSummary(List<EvidenceItem> items, List<TimelineEntry> emails) {
    String files = evidenceSummary(items);
    if (emails.isEmpty()) {
      return files;
    }
    StringBuilder text = new StringBuilder(files).append("\n\n").append(emails.size())
        .append(emails.size() == 1 ? " email from the customer:" : " emails from the customer (latest first):");
    for (int i = emails.size() - 1; i >= Math.max(0, emails.size() - EMAILS_SHOWN); i--) {
      TimelineEntry email = emails.get(i);
      String words = email.message().length() <= EMAIL_EXCERPT ? email.message()
          : email.message().substring(0, EMAIL_EXCERPT - 1) + "…";
      text.append("\n- ").append(staffTime(email.at())).append(": ").append(words);
    }
    return text.toString();
  }

  /** A time as staff read it on forms: {@code 2026-11-23 14:30 UTC}. */
  public static String staffTime(Instant instant) {
    return instant == null ? "" : STAFF_TIME.format(instant);
  }
}
