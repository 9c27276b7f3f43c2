package org.claimdesk.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.claimdesk.cases.CaseLinks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code GET /api/outbox}: what the application queued and sent, newest first, for group
 * {@code camunda-admin} only (see {@code ApiSecurityConfig}). Meant for the embedded default,
 * where no SMTP server is configured and the emails stay in the outbox: it is on only with
 * {@code claimdesk.notification.outbox-api-enabled=true} (the demo profile). The bodies are as
 * stored: the private link without its token ({@link PrivateLinks}). A browser gets the same list
 * as a page ({@code Accept: text/html}); there, standing in for the customer's mailbox, each
 * customer email links to its case page with the token, made when the page is shown.
 */
// Spring MVC validates @Min/@Max itself (400 problem+json); no @Validated, which would bypass that.
@RestController
@RequestMapping(path = "/api/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "claimdesk.notification.outbox-api-enabled", havingValue = "true")
class OutboxController {

  private final NotificationOutbox outbox;
  private final CaseLinks links;

  OutboxController(NotificationOutbox outbox, CaseLinks links) {
    this.outbox = outbox;
    this.links = links;
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

  /**
   * The same list as a page to read in a browser (the browser asks for the admin login): each email
   * with its subject, recipient and status, its HTML part in a sandboxed frame, its text, and a link
   * to the case page it points to.
   */
  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView mailbox(@RequestParam(required = false) String caseReference,
      @RequestParam(required = false) OutboxEntry.Status status,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, HttpServletResponse response) {
    // The emails' HTML uses inline styles; the frames run no script (sandbox) and load nothing else.
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
    response.setHeader("Referrer-Policy", "no-referrer");
    List<MailboxItem> items = outbox.latest(caseReference, status, limit).stream()
        .map(entry -> MailboxItem.of(entry, entry.recipientKind() == OutboxEntry.RecipientKind.CUSTOMER
            ? links.privateLink(entry.caseReference()) : null))
        .toList();
    return new ModelAndView("outbox/mailbox", Map.of("items", items, "caseReference",
        caseReference == null ? "" : caseReference));
  }

  /**
   * One email on the mailbox page; {@code caseLink} the case's private link for a customer email
   * (null for a staff notice), made for this page.
   */
  record MailboxItem(OutboxView email, String htmlBody, String caseLink, String queuedAt) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    static MailboxItem of(OutboxEntry entry, String privateLink) {
      return new MailboxItem(OutboxView.of(entry), entry.htmlBody(), privateLink, WHEN.format(entry.createdAt()));
    }
  }

  @GetMapping
  List<OutboxView> latest(@RequestParam(required = false) String caseReference,
      @RequestParam(required = false) OutboxEntry.Status status,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return outbox.latest(caseReference, status, limit).stream().map(OutboxView::of).toList();
  }
}
