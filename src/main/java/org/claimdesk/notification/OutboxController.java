package org.claimdesk.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code GET /api/outbox}: what the application queued and sent, newest first, for group
 * {@code camunda-admin} only (see {@code ApiSecurityConfig}). Meant for the embedded default,
 * where no SMTP server is configured and the emails stay in the outbox: it is on only with
 * {@code claimdesk.notification.outbox-api-enabled=true} (the demo profile). The text bodies
 * hold the customers' private links.
 */
// Spring MVC validates @Min/@Max itself (400 problem+json); no @Validated, which would bypass that.
@RestController
@RequestMapping(path = "/api/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "claimdesk.notification.outbox-api-enabled", havingValue = "true")
class OutboxController {

  private final NotificationOutbox outbox;

  OutboxController(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  record OutboxView(String id, String caseReference, String recipientKind, String messageKind,
      String language, String recipient, String subject, String status, int attempts,
      String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt, Long attachmentDocumentId,
      String textBody) {

    static OutboxView of(OutboxEntry entry) {
      return new OutboxView(entry.id(), entry.caseReference(), entry.recipientKind().name(),
          entry.messageKind(), entry.language(), entry.recipient(), entry.subject(),
          entry.status().name(), entry.attempts(), entry.lastError(), entry.createdAt(),
          entry.status() == OutboxEntry.Status.PENDING ? entry.nextAttemptAt() : null,
          entry.sentAt(), entry.attachmentDocumentId(), entry.textBody());
    }
  }

  @GetMapping
  List<OutboxView> latest(@RequestParam(required = false) String caseReference,
      @RequestParam(required = false) OutboxEntry.Status status,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return outbox.latest(caseReference, status, limit).stream().map(OutboxView::of).toList();
  }
}
