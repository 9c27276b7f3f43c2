package org.claimdesk.mailbox;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code email-triage} process for a mail the mailbox could not file by itself: what the
 * agent's form shows (the sender, the subject, the words, the files' names, what was recognised) and
 * the mail's id. The agent's choices are the form's; who the claimant is, is read again from the
 * kept mail when the case is opened ({@link MailTriage}), never from a variable.
 */
@Component
class MailTriageStarter {

  static final String PROCESS_KEY = "email-triage";
  static final String MAIL_ID = "inboundMailId";
  static final int MAX_SHOWN_TEXT = 3500;

  private final RuntimeService runtime;

  MailTriageStarter(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Starts the triage in the caller's transaction (business key {@code mail-<id>}). */
  void start(long mailId, ReceivedMail mail, MailSubjects.Sender sender, ClaimRecognizer.Recognition recognition,
      String hint) {
    Optional<MailSubjects.Named> only = Optional.ofNullable(recognition.subject());
    VariableMap variables = Variables.createVariables()
        .putValueTyped(MAIL_ID, Variables.longValue(mailId))
        .putValueTyped(MailTriage.MAIL_FROM, Variables.stringValue(from(mail, sender)))
        .putValueTyped(MailTriage.MAIL_SUBJECT, Variables.stringValue(mail.subject()))
        .putValueTyped(MailTriage.MAIL_TEXT, Variables.stringValue(InboundMailStore.cut(mail.ownText(), MAX_SHOWN_TEXT)))
        .putValueTyped(MailTriage.MAIL_FILES, Variables.stringValue(files(mail)))
        .putValueTyped(MailTriage.TRIAGE_HINT, Variables.stringValue(hint))
        .putValueTyped(MailTriage.CLAIM_KIND, Variables.stringValue(only.map(MailTriage::kindOf).orElse(null)))
        .putValueTyped(MailTriage.SUBJECT_ID, Variables.stringValue(only.map(MailSubjects.Named::id).orElse(null)))
        .putValueTyped(MailTriage.DESCRIPTION, Variables.stringValue(ClaimRecognizer.description(mail)))
        .putValueTyped(MailTriage.PAYER_NAME, Variables.stringValue(ClaimRecognizer.payerName(mail, sender)))
        .putValueTyped(MailTriage.LANGUAGE, Variables.stringValue(recognition.language()));
    runtime.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey("mail-" + mailId)
        .setVariables(variables)
        .execute();
  }

  private static String from(ReceivedMail mail, MailSubjects.Sender sender) {
    return (mail.fromName() == null ? "" : mail.fromName() + " ") + "<" + mail.fromAddress() + ">, customer "
        + sender.customerId() + " (" + sender.name() + ")";
  }

  private static String files(ReceivedMail mail) {
    if (mail.attachments().isEmpty()) {
      return "(none)";
    }
    return String.join(", ", mail.attachments().stream()
        .map(a -> a.fileName() + " (" + a.contentType() + ", " + a.content().length + " bytes)")
        .toList());
  }
}
