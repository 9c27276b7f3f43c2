package org.claimdesk.notification;

import java.util.List;

/**
 * What the layout templates ({@code templates/mail/customer-message.html} and
 * {@code customer-message-text.html}) read besides the message's own parameters: which message
 * fragment of {@code templates/mail/messages.html} to lay out, and the texts that surround it.
 *
 * @param message the name of the {@link CustomerMessage}, which is also its fragment's name
 * @param language {@code en} or {@code fr}
 * @param subject the subject, already in the customer's language
 * @param name the customer's name to greet, or null for a greeting without a name
 */
public record MailLayout(String message, String language, String subject, String name, String reference,
    String link) {

  /** Someone's own words, line by line as they wrote them, for a quote. */
  public List<String> lines(String text) {
    return List.of(text.strip().split("\\R", -1));
  }
}
