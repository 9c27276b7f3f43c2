package org.claimdesk.mailbox;

import java.util.List;
import java.util.Optional;

/**
 * A mail of the support mailbox as Claimdesk reads it, parsed from its raw bytes by
 * {@link MailParser}: nothing here is trusted but the bytes' own say.
 *
 * @param messageId the Message-ID, without its angle brackets; null when the mail has none
 * @param fromAddress the sender's address, lower case; null when there is no usable one
 * @param fromName the sender's display name, or null
 * @param subject the subject, or ""
 * @param text the mail's text: its text/plain part, or its HTML part's text; never null
 * @param safeHtml its HTML part, sanitised (no script, style, event handler, link target or remote
 *     image); null when it had none
 * @param attachments its files (parts with a file name or an attachment disposition)
 * @param references the Message-IDs of In-Reply-To and References, without angle brackets
 * @param contentLanguage the Content-Language header's first language, or null
 * @param automatic why the mail was written by a program rather than a person (RFC 3834
 *     {@code Auto-Submitted}, a bounce, an out-of-office, a list), or empty
 * @param authenticationResults the mail's {@code Authentication-Results} headers (RFC 8601), as written
 */
public record ReceivedMail(String messageId, String fromAddress, String fromName, String subject, String text,
    String safeHtml, List<Attachment> attachments, List<String> references, String contentLanguage,
    Optional<String> automatic, List<String> authenticationResults) {

  private static final java.util.regex.Pattern DMARC_PASS = java.util.regex.Pattern.compile("(^|[;\\s])dmarc=pass\\b");

  /** A file of the mail. */
  public record Attachment(String fileName, String contentType, byte[] content) {
  }

  /**
   * Whether the mail server named {@code authservId} stamped this mail {@code dmarc=pass}: the From
   * address is the sender's own. Headers of any other id are the sender's say and count for nothing.
   */
  public boolean dmarcPassedAt(String authservId) {
    String id = authservId.strip().toLowerCase(java.util.Locale.ROOT);
    return authenticationResults.stream()
        .map(header -> header.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT))
        .filter(header -> header.equals(id) || header.startsWith(id + ";") || header.startsWith(id + " "))
        .anyMatch(header -> DMARC_PASS.matcher(header).find());
  }

  /** The text the customer wrote, without the quoted mail they answered. */
  public String ownText() {
    return Replies.withoutQuote(text);
  }
}
