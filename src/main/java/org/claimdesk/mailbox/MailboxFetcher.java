package org.claimdesk.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the support mailbox over IMAP: each unseen mail is kept in {@code inbound_mail} (as its raw
 * bytes, keyed by its Message-ID) and only then flagged seen. A crash between the two fetches the
 * mail again at the next poll, and the key keeps it one row; two nodes polling at once likewise.
 * A mail larger than {@code max-message-size} is kept with its headers only, IGNORED.
 */
@Component
class MailboxFetcher {

  private static final Logger log = LoggerFactory.getLogger(MailboxFetcher.class);

  private final MailboxProperties properties;
  private final InboundMailStore store;

  MailboxFetcher(MailboxProperties properties, InboundMailStore store) {
    this.properties = properties;
    this.store = store;
  }

  /** One poll: how many new mails were kept. */
  int fetch() throws MessagingException, IOException {
    Session session = Session.getInstance(sessionProperties());
    try (Store mailbox = session.getStore(properties.protocol())) {
      mailbox.connect(properties.host(), properties.port(), properties.username(), properties.password());
      Folder folder = mailbox.getFolder(properties.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        int kept = 0;
        for (Message message : Arrays.copyOf(unseen, Math.min(unseen.length, properties.batchSize()))) {
          if (keep((MimeMessage) message)) {
            kept++;
          }
          message.setFlag(Flags.Flag.SEEN, true);
        }
        return kept;
      } finally {
        folder.close(false);
      }
    }
  }

  private boolean keep(MimeMessage message) throws MessagingException, IOException {
    boolean tooLarge = message.getSize() > properties.maxMessageSize().toBytes();
    byte[] raw = tooLarge ? headers(message) : bytes(message);
    String key = InboundMails.keyOf(MailParser.messageIdOf(message), raw);
    String from = fromAddress(message);
    boolean isNew = store.keep(key, from, message.getSubject(), raw,
        tooLarge ? InboundMailStatus.IGNORED : InboundMailStatus.RECEIVED,
        tooLarge ? "larger than claimdesk.mailbox.max-message-size (" + message.getSize() + " bytes): headers kept only" : null);
    if (!isNew) {
      log.info("Mail {} was kept before; not kept again", key);
    }
    return isNew;
  }

  /** The sender's address as listed for operators (the raw header when it is not one address). */
  private static String fromAddress(MimeMessage message) throws MessagingException {
    jakarta.mail.internet.InternetAddress from = MailParser.from(message);
    return from == null ? message.getHeader("From", ",") : from.getAddress().toLowerCase(java.util.Locale.ROOT);
  }

  private static byte[] bytes(MimeMessage message) throws MessagingException, IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
    message.writeTo(raw);
    return raw.toByteArray();
  }

  private static byte[] headers(MimeMessage message) throws MessagingException {
    StringBuilder headers = new StringBuilder();
    Enumeration<String> lines = message.getAllHeaderLines();
    while (lines.hasMoreElements()) {
      headers.append(lines.nextElement()).append("\r\n");
    }
    return headers.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private Properties sessionProperties() {
    Properties session = new Properties();
    String prefix = "mail." + properties.protocol() + ".";
    String millis = Long.toString(properties.timeout().toMillis());
    session.put(prefix + "connectiontimeout", millis);
    session.put(prefix + "timeout", millis);
    session.put(prefix + "writetimeout", millis);
    if ("imaps".equals(properties.protocol())) {
      session.put(prefix + "ssl.checkserveridentity", "true");
    }
    return session;
  }
}
