package org.claimdesk.cases;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FreeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a customer does on their case with its access token: read it and download its documents,
 * send evidence, accept or decline the offer, give feedback, withdraw a scheduled cancellation.
 * Whether the case is waiting for an action is the process's to say: the action is correlated as
 * a message by business key = case reference, and stored in the same transaction; when no
 * process waits for it, nothing is stored (409). Evidence is the exception (RF-1): it is stored
 * whenever the case is not final, and correlated only when the process waits for it.
 */
@Service
class CustomerCases {

  static final String MDC_REFERENCE = "caseReference";
  /** The feedback message's variables: Boolean, and the comment or null. */
  static final String FEEDBACK_SATISFIED = "satisfied";
  static final String FEEDBACK_COMMENT = "feedbackComment";
  static final int MAX_COMMENT = 2000;

  private static final Logger log = LoggerFactory.getLogger(CustomerCases.class);

  private final JdbcCaseService cases;
  private final CaseAccessStore access;
  private final CaseTimelineStore timeline;
  private final CaseEvidenceStore evidence;
  private final CaseDocuments documents;
  private final RuntimeService runtime;
  private final CaseProperties properties;
  private final Map<CaseType, CaseProcessMessages> messages = new EnumMap<>(CaseType.class);
  private final TransactionTemplate transaction;
  private final TransactionTemplate readOnly;

  CustomerCases(JdbcCaseService cases, CaseAccessStore access, CaseTimelineStore timeline, CaseEvidenceStore evidence,
      CaseDocuments documents, RuntimeService runtime, CaseProperties properties,
      List<CaseProcessMessages> processMessages, PlatformTransactionManager transactionManager) {
    this.cases = cases;
    this.access = access;
    this.timeline = timeline;
    this.evidence = evidence;
    this.documents = documents;
    this.runtime = runtime;
    this.properties = properties;
    processMessages.forEach(m -> {
      if (messages.put(m.caseType(), m) != null) {
        throw new IllegalStateException("Two sets of process messages for " + m.caseType());
      }
    });
    this.transaction = new TransactionTemplate(transactionManager);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  /** The customer's view of the case. */
  CaseView view(String reference, String token) {
    return readOnly.execute(status -> {
      CaseRecord record = authorised(reference, token);
      return CaseView.of(record, timeline.entriesOf(record.reference()), documents.documentsOf(record.reference()),
          actionsOn(record));
    });
  }

  /**
   * What the customer can do now: evidence while the case is not final and has room for a file
   * (RF-1), the other actions while the process waits for their message.
   */
  private List<CaseAction> actionsOn(CaseRecord record) {
    List<CaseAction> actions = new ArrayList<>();
    for (CaseAction action : CaseAction.values()) {
      boolean open = action == CaseAction.SEND_EVIDENCE
          ? !record.status().isFinal() && evidence.countOf(record.reference()) < properties.evidenceMaxFiles()
          : messageName(record, action.message()).filter(m -> isWaitingFor(record.reference(), m)).isPresent();
      if (open) {
        actions.add(action);
      }
    }
    return actions;
  }

  /**
   * A document written for the customer, with its content. An unknown document (or an id that is
   * none) answers the same 404 as an unknown reference or a wrong token: nothing tells them apart.
   */
  CaseDocuments.DocumentContent document(String reference, String token, String documentId) {
    return readOnly.execute(status -> {
      CaseRecord record = authorised(reference, token);
      CaseDocuments.DocumentContent document = documents.content(record.reference(), documentId)
          .orElseThrow(CaseNotFoundException::new);
      log.info("Document {} of case {} downloaded by the customer", documentId, record.reference());
      return document;
    });
  }

  /**
   * Stores the files on a case that is not final, adds an {@code EVIDENCE_RECEIVED} entry, and
   * resumes the process if it waits for evidence.
   */
  void addEvidence(String reference, String token, List<EvidenceUpload> uploads) {
    CaseRecord record = authorisedOutsideTransaction(reference, token);
    try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_REFERENCE, record.reference())) {
      List<AcceptedFile> files = acceptable(uploads);
      try {
        storeEvidence(record, files);
      } catch (MismatchingMessageCorrelationException | OptimisticLockingException raced) {
        // The process stopped waiting between the check and the correlation (a timer, another
        // upload): the transaction rolled back; store again, now without resuming it.
        log.info("The process moved on while evidence arrived; storing the evidence again");
        storeEvidence(record, files);
      }
    }
  }

  private void storeEvidence(CaseRecord record, List<AcceptedFile> files) {
    String reference = record.reference();
    transaction.executeWithoutResult(status -> {
      CaseStatus current = cases.get(reference).status();
      if (current.isFinal()) {
        throw new CaseNotWaitingException("The case is " + current + "; it takes no more evidence.");
      }
      if (evidence.countOf(reference) + files.size() > properties.evidenceMaxFiles()) {
        throw new CaseNotWaitingException("A case holds at most " + properties.evidenceMaxFiles()
            + " files; this one cannot take " + files.size() + " more.",
            new FieldProblem("file", "the case holds at most " + properties.evidenceMaxFiles() + " files"));
      }
      List<String> names = new ArrayList<>();
      for (AcceptedFile file : files) {
        EvidenceItem item = evidence.store(reference, file.fileName(), file.contentType(), file.content());
        names.add(item.fileName());
      }
      cases.appendTimeline(reference, CustomerAction.EVIDENCE_RECEIVED.name(),
          TimelineTexts.evidenceReceived(record.language(), names));
      Optional.ofNullable(messages.get(record.type())).ifPresent(m -> m.evidenceStored(reference));
      Optional<String> message = messageName(record, CustomerAction.EVIDENCE_RECEIVED);
      if (message.isPresent() && isWaitingFor(reference, message.get())) {
        runtime.createMessageCorrelation(message.get()).processInstanceBusinessKey(reference).correlateWithResult();
        log.info("Evidence received ({} files); the process resumes", files.size());
      } else {
        log.info("Evidence received ({} files) while the process does not wait for it", files.size());
      }
    });
  }

  /**
   * A customer's mail on their own case (the support mailbox checked that the sender is the case's
   * customer): a {@code CUSTOMER_EMAIL} entry with their words, and the files that pass the web's
   * evidence rules stored as evidence, resuming the process if it waits for evidence, as an upload
   * on the page does. Nothing is refused as a whole: a file the rules refuse, or one past the case's
   * limit, is named on the timeline instead. A final case keeps the mail's words only.
   *
   * @param refusedBefore the names of files the mailbox refused already (too large)
   * @return the files stored
   */
  List<String> addMailedReply(String reference, String text, List<EvidenceUpload> uploads, List<String> refusedBefore) {
    CaseRecord record = cases.get(reference);
    List<AcceptedFile> files = new ArrayList<>();
    List<String> refused = new ArrayList<>(refusedBefore);
    for (EvidenceUpload upload : uploads) {
      accepted(upload).ifPresentOrElse(files::add,
          () -> refused.add(EvidenceTypes.sanitizeFileName(upload.originalFileName(), EvidenceTypes.TEXT)));
    }
    int room = record.status().isFinal() ? 0 : Math.max(0, properties.evidenceMaxFiles() - evidence.countOf(reference));
    while (files.size() > room) {
      refused.add(files.remove(files.size() - 1).fileName());
    }
    cases.appendTimeline(reference, JdbcCaseService.CUSTOMER_EMAIL,
        TimelineTexts.mailReceived(record.language(), text, refused));
    if (files.isEmpty()) {
      // The open task's summary of what the customer sent shows the mail (as storeEvidence does for files).
      Optional.ofNullable(messages.get(record.type())).ifPresent(m -> m.evidenceStored(reference));
      return List.of();
    }
    storeEvidence(record, files);
    return files.stream().map(AcceptedFile::fileName).toList();
  }

  void acceptOffer(String reference, String token) {
    act(reference, token, CustomerAction.OFFER_ACCEPTED,
        record -> cases.appendTimeline(record.reference(), CustomerAction.OFFER_ACCEPTED.name(),
            TimelineTexts.offerAccepted(record.language())));
  }

  void declineOffer(String reference, String token) {
    act(reference, token, CustomerAction.OFFER_DECLINED,
        record -> cases.appendTimeline(record.reference(), CustomerAction.OFFER_DECLINED.name(),
            TimelineTexts.offerDeclined(record.language())));
  }

  /**
   * The customer withdraws a request the process still lets them withdraw (a scheduled
   * cancellation before the cycle ends): a {@code WITHDRAWAL} entry and the message, or 409.
   */
  void withdraw(String reference, String token) {
    act(reference, token, CustomerAction.WITHDRAWAL,
        record -> cases.appendTimeline(record.reference(), CustomerAction.WITHDRAWAL.name(),
            TimelineTexts.withdrawn(record.language(), record.type())));
  }

  /**
   * The customer's feedback (RF-8, PD-6): {@code satisfied} required, {@code comment} optional; the
   * message carries both to the process as {@code satisfied} and {@code feedbackComment}.
   */
  void giveFeedback(String reference, String token, FeedbackRequest feedback) {
    CaseRecord authorised = authorisedOutsideTransaction(reference, token);
    List<FieldProblem> problems = new ArrayList<>();
    if (feedback == null) {
      problems.add(new FieldProblem("", "the request body is required"));
    } else {
      if (feedback.satisfied() == null) {
        problems.add(new FieldProblem("satisfied", "must be true or false"));
      }
      FreeText.problem("comment", feedback.comment(), MAX_COMMENT).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    String comment = feedback.comment() == null || feedback.comment().isBlank() ? null : feedback.comment().strip();
    boolean satisfied = feedback.satisfied();
    Map<String, Object> answer = new HashMap<>();
    answer.put(FEEDBACK_SATISFIED, satisfied);
    answer.put(FEEDBACK_COMMENT, comment);
    act(authorised, CustomerAction.FEEDBACK_RECEIVED, answer, record -> {
      cases.recordFeedback(record.reference(), satisfied, comment);
      cases.appendTimeline(record.reference(), CustomerAction.FEEDBACK_RECEIVED.name(),
          TimelineTexts.feedbackReceived(record.language(), satisfied, comment));
    });
  }

  /**
   * Checks the token, stores what {@code store} writes and correlates the action's message, in
   * one transaction, or none of it: a wrong token is the 404 of an unknown case, a case not
   * waiting for the action its 409, and either leaves nothing.
   */
  private void act(String reference, String token, CustomerAction action, Consumer<CaseRecord> store) {
    act(() -> authorised(reference, token), action, Map.of(), store);
  }

  /**
   * As above for a case already authorised (feedback: its token is checked before its body, so a
   * wrong token is a 404 whatever the body), the message carrying {@code variables} into the process.
   */
  private void act(CaseRecord authorised, CustomerAction action, Map<String, Object> variables,
      Consumer<CaseRecord> store) {
    act(() -> authorised, action, variables, store);
  }

  private void act(Supplier<CaseRecord> authorised, CustomerAction action, Map<String, Object> variables,
      Consumer<CaseRecord> store) {
    CaseRecord acted = transaction.execute(status -> {
      CaseRecord record = authorised.get();
      try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_REFERENCE, record.reference())) {
        String message = messageName(record, action).orElseThrow(() -> notWaiting(action));
        store.accept(record);
        correlate(record, action, message, variables);
        return record;
      }
    });
    try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_REFERENCE, acted.reference())) {
      log.info("{}: the process resumes", action);
    }
  }

  private void correlate(CaseRecord record, CustomerAction action, String message, Map<String, Object> variables) {
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(record.reference())
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException | OptimisticLockingException notWaiting) {
      // the engine has marked the transaction rollback-only: nothing of this action is kept
      throw notWaiting(action);
    }
  }

  private static CaseNotWaitingException notWaiting(CustomerAction action) {
    String what = switch (action) {
      case EVIDENCE_RECEIVED -> "evidence";
      case OFFER_ACCEPTED, OFFER_DECLINED -> "an answer to an offer";
      case FEEDBACK_RECEIVED -> "feedback";
      case WITHDRAWAL -> "a withdrawal (only a scheduled cancellation can be withdrawn)";
    };
    return new CaseNotWaitingException("The case is not waiting for " + what + "; nothing was stored.");
  }

  private Optional<String> messageName(CaseRecord record, CustomerAction action) {
    return Optional.ofNullable(messages.get(record.type())).map(m -> m.messageName(action));
  }

  private boolean isWaitingFor(String reference, String messageName) {
    return runtime.createExecutionQuery()
        .processInstanceBusinessKey(reference)
        .messageEventSubscriptionName(messageName)
        .count() > 0;
  }

  private CaseRecord authorisedOutsideTransaction(String reference, String token) {
    return readOnly.execute(status -> authorised(reference, token));
  }

  private CaseRecord authorised(String reference, String token) {
    return access.findWithToken(reference, token).orElseThrow(CaseNotFoundException::new);
  }

  /** The files, each recognised by its bytes and named safely; 400 naming each refused one. */
  private static List<AcceptedFile> acceptable(List<EvidenceUpload> uploads) {
    if (uploads == null || uploads.isEmpty()) {
      throw new InvalidRecordException(List.of(new FieldProblem("file",
          "at least one file is required (multipart field 'file')")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<AcceptedFile> files = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      EvidenceUpload upload = uploads.get(i);
      String field = "file[" + i + "]";
      if (isEmpty(upload)) {
        problems.add(new FieldProblem(field, "is empty"));
        continue;
      }
      accepted(upload).ifPresentOrElse(files::add, () -> problems.add(new FieldProblem(field,
          "must be a PNG or JPEG image, a PDF document or UTF-8 plain text, and be what its declared type says")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    return files;
  }

  /**
   * The file as it is stored: its type recognised by its bytes, its name made safe; empty when it is
   * empty or not what evidence may be (the web's upload and a customer's mail alike).
   */
  private static Optional<AcceptedFile> accepted(EvidenceUpload upload) {
    if (isEmpty(upload)) {
      return Optional.empty();
    }
    return EvidenceTypes.accept(upload.declaredType(), upload.content()).map(type ->
        new AcceptedFile(EvidenceTypes.sanitizeFileName(upload.originalFileName(), type), type, upload.content()));
  }

  private static boolean isEmpty(EvidenceUpload upload) {
    return upload.content() == null || upload.content().length == 0;
  }

  private record AcceptedFile(String fileName, String contentType, byte[] content) {
  }

  /** {@code POST /api/cases/{reference}/feedback}. */
  record FeedbackRequest(Boolean satisfied, String comment) {
  }
}
