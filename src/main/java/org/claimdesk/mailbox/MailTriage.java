package org.claimdesk.mailbox;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.cases.ChannelFiling;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.commerce.UnprocessableRecordException;
import org.claimdesk.web.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The {@code email-triage} process's steps (bean {@code mailTriage}): open the case the agent chose
 * for the mail, or set the mail aside. The claimant is the mail's sender, read from the kept mail
 * (never from a variable the form could set), and the claim goes through the web's intake with its
 * checks: the order must be the sender's, as on the web form. A refused claim comes back to the
 * agent's task with the intake's words ({@code triageProblem}).
 */
@Component("mailTriage")
public class MailTriage {

  static final String MAIL_FROM = "mailFrom";
  static final String MAIL_SUBJECT = "mailSubject";
  static final String MAIL_TEXT = "mailText";
  static final String MAIL_FILES = "mailFiles";
  static final String TRIAGE_HINT = "triageHint";
  static final String TRIAGE_PROBLEM = "triageProblem";
  /** The agent's choice: {@code refund}, {@code cancellation}, {@code discrepancy}, {@code wallet}, or {@code none}. */
  static final String CLAIM_KIND = "claimKind";
  static final String NOT_A_CLAIM = "none";
  static final String SUBJECT_ID = "subjectId";
  static final String REASON = "refundReason";
  static final String MODE = "cancellationMode";
  static final String REFUND_REQUESTED = "refundRequested";
  static final String CANCELLATION_REASON = "cancellationReason";
  static final String DISCREPANCY_KIND = "discrepancyKind";
  static final String EXPECTED_AMOUNT = "expectedAmount";
  static final String PAYER_NAME = "payerName";
  static final String DESCRIPTION = "claimDescription";
  static final String LANGUAGE = "claimLanguage";
  static final String DISMISS_NOTE = "dismissNote";
  /** Set when the case is opened: the case's reference. */
  static final String OPENED_CASE = "openedCase";
  static final String CLAIM_REFUSED = "CLAIM_REFUSED";

  private final InboundMailStore store;
  private final ChannelFiling filing;
  private final InboundMails mails;

  MailTriage(InboundMailStore store, ChannelFiling filing, InboundMails mails) {
    this.store = store;
    this.filing = filing;
    this.mails = mails;
  }

  /** The claim kind a record the mail names suggests. */
  static String kindOf(MailSubjects.Named named) {
    return switch (named.kind()) {
      case PAYMENT -> "discrepancy";
      case SUBSCRIPTION -> "cancellation";
      case ORDER -> switch (named.productType()) {
        case "WALLET_RECHARGE" -> "wallet";
        case "SUBSCRIPTION" -> "cancellation";
        default -> "refund";
      };
    };
  }

  /** Task_OpenCase: files the claim the agent chose, for the mail's sender, on the EMAIL channel. */
  public JavaDelegate getOpenCase() {
    return execution -> {
      long mailId = mailId(execution);
      ReceivedMail mail = mail(mailId);
      String kind = string(execution, CLAIM_KIND);
      if (kind == null || !filing.knows(kind)) {
        refuse(execution, "Choose the kind of claim (claimKind).");
      }
      Map<String, String> fields = fields(execution, kind, mail.fromAddress());
      InboundMails.Landed landed;
      try {
        landed = mails.fileClaimOf(mailId, mail, kind, fields);
      } catch (InvalidRecordException | UnprocessableRecordException refused) {
        refuse(execution, problems(kind, refused.fieldProblems()));
        return;
      }
      FiledClaim filed = landed.filed();
      if (filed.created()) {
        store.settleTriage(mailId, InboundMailStatus.OPENED_CASE, filed.reference(),
            "filed from triage by " + user(execution));
      } else {
        store.settleTriage(mailId, InboundMailStatus.ADDED_TO_CASE, filed.reference(),
            "triaged by " + user(execution) + " onto the case already open");
      }
      execution.setVariable(OPENED_CASE, filed.reference());
      execution.removeVariable(TRIAGE_PROBLEM);
    };
  }

  /** Task_Dismiss: the mail is no claim; it stays kept, IGNORED, with who said so and why. */
  public JavaDelegate getDismiss() {
    return execution -> {
      long mailId = mailId(execution);
      String note = string(execution, DISMISS_NOTE);
      store.settleTriage(mailId, InboundMailStatus.IGNORED, null, "dismissed by " + user(execution)
          + (note == null ? "" : ": " + note));
    };
  }

  private Map<String, String> fields(DelegateExecution execution, String kind, String email) {
    Map<String, String> fields = new HashMap<>();
    fields.put("email", email == null ? "" : email);
    fields.put("language", Optional.ofNullable(string(execution, LANGUAGE)).orElse(""));
    String subject = Optional.ofNullable(string(execution, SUBJECT_ID)).orElse("").strip();
    String description = Optional.ofNullable(string(execution, DESCRIPTION)).orElse("");
    switch (kind) {
      case "refund" -> {
        fields.put("orderId", subject);
        fields.put("reason", Optional.ofNullable(string(execution, REASON)).orElse(""));
        fields.put("description", description);
      }
      case "cancellation" -> {
        fields.put("subscriptionId", subject);
        fields.put("mode", Optional.ofNullable(string(execution, MODE)).orElse(""));
        fields.put("refundRequested", String.valueOf(Boolean.TRUE.equals(execution.getVariable(REFUND_REQUESTED))));
        fields.put("reason", Optional.ofNullable(string(execution, CANCELLATION_REASON)).orElse(""));
      }
      case "discrepancy" -> {
        fields.put("paymentId", subject);
        fields.put("kind", Optional.ofNullable(string(execution, DISCREPANCY_KIND)).orElse(""));
        Object expected = execution.getVariable(EXPECTED_AMOUNT);
        fields.put("expectedAmount", expected == null ? "" : expected.toString());
        fields.put("description", description);
        fields.put("channel", "EMAIL");
      }
      case "wallet" -> {
        fields.put("orderId", subject);
        fields.put("payerName", Optional.ofNullable(string(execution, PAYER_NAME)).orElse(""));
      }
      default -> throw new IllegalArgumentException("No claim kind " + kind);
    }
    return fields;
  }

  /** The intake's problems in the form's own field names, so the agent knows what to change. */
  private static String problems(String kind, List<FieldProblem> problems) {
    StringBuilder text = new StringBuilder("The claim was refused: ");
    for (int i = 0; i < problems.size(); i++) {
      FieldProblem problem = problems.get(i);
      text.append(i == 0 ? "" : "; ").append(formField(kind, problem.field())).append(' ').append(problem.message());
    }
    return text.append('.').toString();
  }

  private static String formField(String kind, String intakeField) {
    return switch (intakeField) {
      case "orderId", "paymentId", "subscriptionId" -> "the order, payment or subscription id (" + intakeField + ")";
      case "email" -> "the sender's address (email; it must be the one the order was placed with)";
      case "reason" -> "cancellation".equals(kind) ? "the cancellation reason" : "the refund reason";
      case "kind" -> "the kind of discrepancy";
      case "mode" -> "the cancellation mode";
      case "payerName" -> "the payer's name";
      case "expectedAmount" -> "the expected amount";
      case "description" -> "the description";
      case "language" -> "the language";
      default -> intakeField;
    };
  }

  /** Who completed the task: the engine's authenticated user ("?" for a step run without one). */
  private static String user(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? "?" : authentication.getUserId();
  }

  private static void refuse(DelegateExecution execution, String problem) {
    execution.setVariable(TRIAGE_PROBLEM, problem);
    throw new BpmnError(CLAIM_REFUSED, problem);
  }

  private ReceivedMail mail(long mailId) {
    byte[] raw = store.raw(mailId).orElseThrow(() -> new IllegalStateException("Mail " + mailId + " is not kept"));
    try {
      return MailParser.parse(raw);
    } catch (MessagingException | IOException unreadable) {
      throw new IllegalStateException("Mail " + mailId + " cannot be read", unreadable);
    }
  }

  private static long mailId(DelegateExecution execution) {
    Object id = execution.getVariable(MailTriageStarter.MAIL_ID);
    if (!(id instanceof Long mailId)) {
      throw new IllegalStateException("The triage has no mail id");
    }
    return mailId;
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
