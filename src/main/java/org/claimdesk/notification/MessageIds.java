package org.claimdesk.notification;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.cases.CaseReferences;

/**
 * The Message-ID of every email Claimdesk sends names its case: {@code <CD-XXXXXXXX.outbox-id@domain>},
 * the domain the sender address's. A customer's mail program puts it in the reply's
 * {@code In-Reply-To} and {@code References}, which is how the support mailbox finds the case a
 * reply belongs to (the case reference in the subject is the fallback).
 */
public final class MessageIds {

  private static final Pattern OURS = Pattern.compile("(" + CaseReferences.FORMAT.pattern() + ")\\.[0-9A-Za-z-]+@.+");

  private MessageIds() {
  }

  /** The Message-ID of an outbox email, with its angle brackets. */
  static String of(String caseReference, String outboxId, String fromAddress) {
    return "<" + caseReference + "." + outboxId + "@" + domainOf(fromAddress) + ">";
  }

  /**
   * The case's thread: the id every email of the case names in {@code References} (and in
   * {@code In-Reply-To} when no customer's mail opened the case), so mail programs show them as one
   * conversation. No email has it as its own Message-ID.
   */
  static String threadOf(String caseReference, String fromAddress) {
    return "<" + caseReference + ".thread@" + domainOf(fromAddress) + ">";
  }

  private static String domainOf(String fromAddress) {
    return fromAddress == null || fromAddress.indexOf('@') < 0 ? "claimdesk.invalid"
        : fromAddress.substring(fromAddress.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
  }

  /** The case the first of these Message-IDs (without brackets) that is one of ours names. */
  public static Optional<String> caseReferenceIn(Collection<String> messageIds) {
    for (String id : messageIds) {
      Matcher ours = OURS.matcher(id);
      if (ours.matches()) {
        return Optional.of(ours.group(1));
      }
    }
    return Optional.empty();
  }

  /** A case reference written in a subject ("Re: Your request CD-7Q2M4K9X: ..."), if any. */
  public static Optional<String> caseReferenceInSubject(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher reference = CaseReferences.FORMAT.matcher(subject.toUpperCase(Locale.ROOT));
    return reference.find() ? Optional.of(reference.group()) : Optional.empty();
  }
}
