package org.claimdesk.mailbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The support mailbox Claimdesk reads ({@code claimdesk.mailbox.*}, docs/operations.md "The support
 * mailbox"). Off unless {@code host} is set. Every node polls; the database decides which node
 * handles a mail, so two nodes never handle one twice.
 *
 * @param host the IMAP server; blank: no mailbox is read
 * @param port its port (143 for IMAP, 993 for IMAPS)
 * @param protocol {@code imap} or {@code imaps} (TLS)
 * @param username the mailbox's login
 * @param password its password (from the environment, never in a file of the repository)
 * @param folder the folder the customers' mails arrive in
 * @param pollInterval how often each node looks for new mail (also the first delay)
 * @param batchSize at most this many new mails fetched per poll
 * @param maxMessageSize a larger mail is kept with its headers only, marked IGNORED, and never parsed
 * @param maxAttempts attempts at handling a mail before it is marked FAILED (kept, visible, retried by hand)
 * @param timeout connect, read and write time-out of the IMAP connection
 * @param authservId when set, the mail server's own {@code Authentication-Results} id (RFC 8601):
 *     only a mail that this server stamped {@code dmarc=pass} is believed to be from its From address;
 *     any other is IGNORED. Blank: the server is trusted to refuse what fails DMARC
 */
@Validated
@ConfigurationProperties("claimdesk.mailbox")
public record MailboxProperties(
    String host,
    @DefaultValue("143") int port,
    @NotNull @DefaultValue("imap") String protocol,
    String username,
    String password,
    @NotNull @DefaultValue("INBOX") String folder,
    @NotNull @DefaultValue("PT30S") Duration pollInterval,
    @Min(1) @DefaultValue("50") int batchSize,
    @NotNull @DefaultValue("25MB") DataSize maxMessageSize,
    @Min(1) @DefaultValue("5") int maxAttempts,
    @NotNull @DefaultValue("PT20S") Duration timeout,
    String authservId) {

  public MailboxProperties {
    if (!"imap".equals(protocol) && !"imaps".equals(protocol)) {
      throw new IllegalArgumentException("claimdesk.mailbox.protocol must be imap or imaps, not " + protocol);
    }
  }

  /** Whether a mail must carry this server's {@code dmarc=pass} to be believed. */
  public boolean requiresDmarc() {
    return StringUtils.hasText(authservId);
  }

  public boolean enabled() {
    return StringUtils.hasText(host);
  }

  @Override
  public String toString() {
    return "MailboxProperties[host=" + host + ", port=" + port + ", protocol=" + protocol + ", username=" + username
        + ", password=(hidden), folder=" + folder + "]";
  }
}
