package org.claimdesk.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Reads a mail's raw bytes into a {@link ReceivedMail}. HTML is sanitised with jsoup's
 * {@link Safelist#basic()} (text formatting, lists, quotes and plain links; no script, style,
 * form, frame, image or event handler), so what staff see of a mail cannot run or fetch anything.
 */
final class MailParser {

  /** Headers in raw UTF-8 (RFC 6532, as mail programs send them today) read as UTF-8. */
  private static final Session SESSION = Session.getInstance(utf8Headers());
  private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
  /** The subjects of out-of-office and other automatic replies that set none of the headers (EN, FR, DE). */
  private static final Pattern AUTOMATIC_SUBJECT = Pattern.compile(
      "(?iu)^\\s*(auto(matic)?[ -]?(reply|response)|out of (the )?office|absence|absent|réponse automatique"
          + "|message d'absence|abwesenheit|automatische antwort|undeliver|delivery status notification"
          + "|mail delivery (failed|failure|subsystem)|returned mail|non remis)");
  private static final Pattern SYSTEM_SENDER = Pattern.compile(
      "(?i)^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+@.-].*)?$");

  private MailParser() {
  }

  private static Properties utf8Headers() {
    Properties properties = new Properties();
    properties.put("mail.mime.allowutf8", "true");
    return properties;
  }

  static ReceivedMail parse(byte[] raw) throws MessagingException, IOException {
    MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    InternetAddress from = from(message);
    String subject = Optional.ofNullable(message.getSubject()).orElse("").strip();
    Bodies bodies = new Bodies();
    walk(message, bodies);
    String text = bodies.text != null ? bodies.text
        : bodies.html != null ? textOf(bodies.html) : "";
    String safeHtml = bodies.html == null ? null : Jsoup.clean(bodies.html, Safelist.basic());
    List<String> references = new ArrayList<>();
    addIds(references, message.getHeader("In-Reply-To"));
    addIds(references, message.getHeader("References"));
    String language = Optional.ofNullable(message.getHeader("Content-Language", ","))
        .map(value -> value.split(",")[0].strip().toLowerCase(Locale.ROOT))
        .orElse(null);
    return new ReceivedMail(messageIdOf(message), from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
        from == null ? null : from.getPersonal(), subject, normalise(text), safeHtml, List.copyOf(bodies.files),
        List.copyOf(references), language, automatic(message, from, subject),
        headers(message, "Authentication-Results"));
  }

  /** The Message-ID without angle brackets, or null. */
  static String messageIdOf(MimeMessage message) throws MessagingException {
    String header = message.getHeader("Message-ID", null);
    if (header == null) {
      return null;
    }
    Matcher id = MESSAGE_ID.matcher(header);
    return id.find() ? id.group(1) : header.strip().isEmpty() ? null : header.strip();
  }

  /** The mail's one sender, or null when its From header names none, several, or no usable address. */
  static InternetAddress from(MimeMessage message) throws MessagingException {
    String header = message.getHeader("From", ",");
    if (header == null) {
      return null;
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
      if (addresses.length != 1 || addresses[0].getAddress() == null || !addresses[0].getAddress().contains("@")) {
        return null;
      }
      return addresses[0];
    } catch (AddressException malformed) {
      return null;
    }
  }

  /**
   * Why a program wrote this mail: RFC 3834's {@code Auto-Submitted} (anything but {@code no}),
   * the auto-responders' own headers, a list's or a bulk mail's, a delivery report, a system
   * sender, or an out-of-office subject.
   */
  private static Optional<String> automatic(MimeMessage message, InternetAddress from, String subject)
      throws MessagingException {
    String autoSubmitted = message.getHeader("Auto-Submitted", ",");
    if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
      return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
    }
    for (String header : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "List-Id",
        "List-Unsubscribe", "X-Failed-Recipients")) {
      if (message.getHeader(header) != null) {
        return Optional.of(header + " header");
      }
    }
    String precedence = message.getHeader("Precedence", ",");
    if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
      return Optional.of("Precedence: " + precedence.strip());
    }
    String returnPath = message.getHeader("Return-Path", ",");
    if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
      return Optional.of("empty Return-Path (a bounce)");
    }
    if (message.isMimeType("multipart/report")) {
      return Optional.of("a delivery report (multipart/report)");
    }
    if (from != null && SYSTEM_SENDER.matcher(from.getAddress()).matches()) {
      return Optional.of("sent by " + from.getAddress());
    }
    if (AUTOMATIC_SUBJECT.matcher(subject).find()) {
      return Optional.of("an automatic reply's subject");
    }
    return Optional.empty();
  }

  private static final class Bodies {
    String text;
    String html;
    final List<ReceivedMail.Attachment> files = new ArrayList<>();
  }

  private static void walk(Part part, Bodies bodies) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        walk(child, bodies);
      }
      return;
    }
    if (part.isMimeType("message/rfc822")) {
      return; // a forwarded or bounced mail inside: not the sender's words, not a file
    }
    String fileName = fileName(part);
    boolean attachment = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    if (!attachment && part.isMimeType("text/plain") && bodies.text == null) {
      bodies.text = textContent(part);
    } else if (!attachment && part.isMimeType("text/html") && bodies.html == null) {
      bodies.html = textContent(part);
    } else if (attachment) {
      bodies.files.add(new ReceivedMail.Attachment(fileName == null ? "attachment" : fileName,
          baseType(part), bytes(part)));
    }
  }

  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    if (name == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(name);
    } catch (IOException undecodable) {
      return name;
    }
  }

  private static String baseType(Part part) throws MessagingException {
    try {
      return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    } catch (jakarta.mail.internet.ParseException malformed) {
      return "application/octet-stream";
    }
  }

  private static String textContent(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String text) {
      return text;
    }
    return new String(bytes(part), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static String textOf(String html) {
    Document document = Jsoup.parse(html);
    document.outputSettings().prettyPrint(false);
    document.select("br").after("\\n");
    document.select("p, div, li, tr, h1, h2, h3, blockquote").before("\\n");
    return document.text().replace("\\n", "\n");
  }

  private static String normalise(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  private static List<String> headers(MimeMessage message, String name) throws MessagingException {
    String[] values = message.getHeader(name);
    return values == null ? List.of() : List.of(values);
  }

  private static void addIds(List<String> ids, String[] headers) {
    if (headers == null) {
      return;
    }
    for (String header : headers) {
      Matcher id = MESSAGE_ID.matcher(header);
      while (id.find()) {
        ids.add(id.group(1));
      }
    }
  }
}
