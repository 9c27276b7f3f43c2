package org.claimdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.claimdesk.cases.ServiceLevelProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The {@link StaffNotifier}: a plain-text email to the team lead
 * ({@code claimdesk.service-levels.team-lead-email}) through the same outbox as the customer
 * messages, with recipient kind STAFF; never on the customer's timeline, and without the
 * customer's private link. Without a team lead address the notice is skipped (logged).
 */
@Service
class OutboxStaffNotifier implements StaffNotifier {

  private static final Logger log = LoggerFactory.getLogger(OutboxStaffNotifier.class);

  private final ServiceLevelProperties serviceLevels;
  private final NotificationOutbox outbox;
  private final OutboxDispatcher dispatcher;
  private final MailGateway mail;
  private final Clock clock;

  OutboxStaffNotifier(ServiceLevelProperties serviceLevels, NotificationOutbox outbox,
      OutboxDispatcher dispatcher, MailGateway mail, Clock clock) {
    this.serviceLevels = serviceLevels;
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.mail = mail;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void notifyTeamLead(String caseReference, String subject, String text) {
    if (!StringUtils.hasText(caseReference) || !StringUtils.hasText(subject) || !StringUtils.hasText(text)) {
      throw new IllegalArgumentException("A team lead notice needs a case reference, a subject and a text");
    }
    String teamLead = serviceLevels.teamLeadEmail();
    if (!StringUtils.hasText(teamLead)) {
      log.info("No team lead email configured (claimdesk.service-levels.team-lead-email):"
          + " notice about case {} not sent", caseReference);
      return;
    }
    Instant now = clock.instant();
    OutboxEntry queued = new OutboxEntry(UUID.randomUUID().toString(), caseReference,
        OutboxEntry.RecipientKind.STAFF, OutboxEntry.TEAM_LEAD_NOTICE, "en", teamLead.strip(),
        subject.strip().replaceAll("\\s+", " "), text.strip() + "\n\nCase: " + caseReference + "\n",
        null, mail.configured() ? OutboxEntry.Status.PENDING : OutboxEntry.Status.NO_SMTP, 0, now,
        null, now, null, null);
    outbox.insert(queued);
    dispatcher.afterCommit(queued);
  }
}
