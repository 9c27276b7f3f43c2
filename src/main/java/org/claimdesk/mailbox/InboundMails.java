package org.claimdesk.mailbox;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.claimdesk.cases.CaseChannel;
import org.claimdesk.cases.ChannelFiling;
import org.claimdesk.cases.CustomerMail;
import org.claimdesk.cases.EvidenceUpload;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.commerce.UnprocessableRecordException;
import org.claimdesk.notification.MessageIds;
import org.claimdesk.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Handles each kept mail once, in one transaction with what it does: a customer's reply lands on
 * its case, a plain new claim opens its case through the web's intake, anything else waits in a
 * support agent's triage task; automatic mail, loops and unknown senders change nothing. The mail's
 * row is locked {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction, so a mail is
 * handled exactly once across retries, restarts and nodes; a mail whose handling fails is kept,
 * counted, and FAILED (visible at {@code GET /api/mailbox}) after {@code max-attempts}.
 */
@Service
public class InboundMails {

  private static final Logger log = LoggerFactory.getLogger(InboundMails.class);
  /** The web's largest evidence file ({@code spring.servlet.multipart.max-file-size}). */
  static final DataSize MAX_ATTACHMENT = DataSize.ofMegabytes(10);

  /** What handling a mail came to. */
  record Outcome(InboundMailStatus status, String caseReference, String note) {
  }

  private final InboundMailStore store;
  private final MailSubjects subjects;
  private final ChannelFiling filing;
  private final CustomerMail customerMail;
  private final MailTriageStarter triage;
  private final MailboxProperties properties;
  private final List<String> ownAddresses;
  private final TransactionTemplate transaction;
  private final TransactionTemplate savepoint;

  InboundMails(InboundMailStore store, MailSubjects subjects, ChannelFiling filing, CustomerMail customerMail,
      MailTriageStarter triage, MailboxProperties properties, NotificationProperties notification,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.subjects = subjects;
    this.filing = filing;
    this.customerMail = customerMail;
    this.triage = triage;
    this.properties = properties;
    this.ownAddresses = java.util.stream.Stream.of(notification.from(), properties.username())
        .filter(a -> a != null && a.contains("@"))
        .map(a -> a.strip().toLowerCase(Locale.ROOT))
        .toList();
    this.transaction = new TransactionTemplate(transactionManager);
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Handles the mails waiting; returns how many were handled (by this node). */
  public int handleWaiting() {
    int handled = 0;
    for (long id : store.waiting(properties.maxAttempts(), properties.batchSize())) {
      if (handle(id).isPresent()) {
        handled++;
      }
    }
    return handled;
  }

  /** Handles one mail if it still waits and no other node holds it. */
  public Optional<Outcome> handle(long id) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable("inboundMail", Long.toString(id))) {
      try {
        Optional<Outcome> outcome = transaction.execute(status -> store.lock(id).map(raw -> {
          Outcome decided = decide(id, raw);
          store.mark(id, decided.status(), decided.caseReference(), decided.note());
          return decided;
        }));
        outcome.ifPresent(o -> log.info("Mail {}: {}{} ({})", id, o.status(),
            o.caseReference() == null ? "" : " " + o.caseReference(), o.note()));
        return outcome;
      } catch (RuntimeException failure) {
        log.warn("Mail {} could not be handled; it is kept and tried again", id, failure);
        transaction.executeWithoutResult(status -> store.failed(id, describe(failure), properties.maxAttempts()));
        return Optional.empty();
      }
    }
  }

  private Outcome decide(long id, byte[] raw) {
    ReceivedMail mail;
    try {
      mail = MailParser.parse(raw);
    } catch (MessagingException | IOException | RuntimeException unreadable) {
      return new Outcome(InboundMailStatus.FAILED, null, "cannot be read as a mail: " + describe(unreadable));
    }
    if (mail.automatic().isPresent()) {
      return ignored("automatic mail: " + mail.automatic().get());
    }
    if (mail.fromAddress() == null) {
      return ignored("no single sender address");
    }
    if (ownAddresses.contains(mail.fromAddress())) {
      return ignored("sent from Claimdesk's own address (a loop)");
    }
    if (properties.requiresDmarc() && !mail.dmarcPassedAt(properties.authservId())) {
      return ignored("not stamped dmarc=pass by " + properties.authservId() + ": the From address is not proven");
    }
    Optional<String> reference = MessageIds.caseReferenceIn(mail.references())
        .or(() -> MessageIds.caseReferenceInSubject(mail.subject()));
    // A reference of no case (a typo, another shop's) leaves the mail a new one.
    Optional<String> customerOfCase = reference.flatMap(subjects::customerEmailOf);
    if (customerOfCase.isPresent()) {
      if (!customerOfCase.get().strip().equalsIgnoreCase(mail.fromAddress())) {
        return ignored("names case " + reference.get() + " but is not from its customer");
      }
      Files files = files(mail);
      return addedToCase(reference.get(), customerMail.addToCase(reference.get(), mail.ownText(), files.kept(),
          files.tooLarge()), "a reply on its case");
    }
    Optional<MailSubjects.Sender> sender = subjects.sender(mail.fromAddress());
    if (sender.isEmpty()) {
      return ignored("unknown sender: no customer has this address");
    }
    List<MailSubjects.Named> named = named(mail);
    ClaimRecognizer.Recognition recognition = ClaimRecognizer.recognise(mail, sender.get(), named);
    String hint = recognition.hint();
    if (recognition.recognised()) {
      try {
        Landed landed = fileClaimOf(id, mail, recognition.form(), recognition.fields());
        return landed.filed().created()
            ? new Outcome(InboundMailStatus.OPENED_CASE, landed.filed().reference(), hint + evidenceNote(landed.evidence()))
            : addedToCase(landed.filed().reference(), landed.evidence(),
                "the case already open on " + recognition.subject().id());
      } catch (InvalidRecordException | UnprocessableRecordException refused) {
        hint = hint + ", but the intake refused it: " + refused.getMessage();
      }
    }
    triage.start(id, mail, sender.get(), recognition, hint);
    return new Outcome(InboundMailStatus.TRIAGE, null, "in a support agent's triage task: " + hint);
  }

  /**
   * The sender's records the mail names by id; when it names none, the one order of an amount it
   * names (WR-2's report gives the amount paid), if exactly one of the sender's orders has it.
   */
  private List<MailSubjects.Named> named(ReceivedMail mail) {
    List<MailSubjects.Named> byId = subjects.named(ClaimRecognizer.candidates(mail), mail.fromAddress());
    if (!byId.isEmpty()) {
      return byId;
    }
    List<MailSubjects.Named> byAmount = new ArrayList<>();
    for (ClaimRecognizer.Amount amount : ClaimRecognizer.amounts(mail)) {
      byAmount.addAll(subjects.ordersOfAmount(mail.fromAddress(), amount.minor(), amount.currency(), 2));
    }
    return byAmount.stream().distinct().toList();
  }

  /** A claim a mail made, filed, and the files of the mail stored on its case. */
  record Landed(FiledClaim filed, List<String> evidence) {
  }

  /**
   * Files the claim a mail makes (recognised, or chosen in its triage task) for the mail's sender, on
   * the EMAIL channel, in a savepoint, so that a refusal leaves the caller's transaction usable; then
   * the mail lands on the case: a new case gets its files (its words are the claim's description), a
   * case already open gets the mail as a reply.
   *
   * @throws InvalidRecordException the intake refused a field
   * @throws UnprocessableRecordException the subject is not the sender's
   */
  Landed fileClaimOf(long mailId, ReceivedMail mail, String form, Map<String, String> fields) {
    FiledClaim filed = savepoint.execute(status ->
        filing.file(form, fields, idempotencyKey(mailId), CaseChannel.EMAIL, mail.messageId()));
    Files files = files(mail);
    if (filed.created() && mail.attachments().isEmpty()) {
      return new Landed(filed, List.of());
    }
    return new Landed(filed, customerMail.addToCase(filed.reference(), filed.created() ? "" : mail.ownText(),
        files.kept(), files.tooLarge()));
  }

  private static Outcome addedToCase(String reference, List<String> evidence, String why) {
    return new Outcome(InboundMailStatus.ADDED_TO_CASE, reference, why + evidenceNote(evidence));
  }

  private static String evidenceNote(List<String> evidence) {
    return evidence.isEmpty() ? "" : "; evidence: " + String.join(", ", evidence);
  }

  record Files(List<EvidenceUpload> kept, List<String> tooLarge) {
  }

  static Files files(ReceivedMail mail) {
    List<EvidenceUpload> kept = new ArrayList<>();
    List<String> tooLarge = new ArrayList<>();
    for (ReceivedMail.Attachment attachment : mail.attachments()) {
      if (attachment.content().length > MAX_ATTACHMENT.toBytes()) {
        tooLarge.add(attachment.fileName());
      } else {
        kept.add(new EvidenceUpload(attachment.fileName(), attachment.contentType(), attachment.content()));
      }
    }
    return new Files(kept, tooLarge);
  }

  /** The intake's Idempotency-Key of a mail's claim: filing it again answers with the same case. */
  static String idempotencyKey(long mailId) {
    return "mail-" + mailId;
  }

  private static Outcome ignored(String why) {
    return new Outcome(InboundMailStatus.IGNORED, null, why);
  }

  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** The key of a mail without a Message-ID: the SHA-256 of its bytes. */
  static String keyOf(String messageId, byte[] raw) {
    if (messageId != null && !messageId.isBlank()) {
      return messageId.strip();
    }
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
