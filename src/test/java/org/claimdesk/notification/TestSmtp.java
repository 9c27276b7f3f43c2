package org.claimdesk.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** GreenMail on a free loopback port chosen once per test class, and reading what it received (security tests use it too). */
public final class TestSmtp {

  private TestSmtp() {
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Points the application at the test's SMTP server, from {@code support@claimdesk.example}, with
   * the scheduled dispatcher out of the way (the email goes out after the commit).
   */
  public static void mailTo(DynamicPropertyRegistry registry, int port) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> port);
    registry.add("claimdesk.notification.from", () -> "support@claimdesk.example");
    registry.add("claimdesk.notification.dispatch-interval", () -> "PT1H");
  }

  public static ServerSetup smtpOn(int port) {
    return new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
  }

  /** The parts of a multipart/alternative message, as content type and text (SMTP's CRLF read as LF). */
  public record Part(String contentType, String text) {
  }

  public static List<Part> parts(MimeMessage message) throws MessagingException, IOException {
    if (!(message.getContent() instanceof MimeMultipart multipart)) {
      return List.of(new Part(message.getContentType(), lf((String) message.getContent())));
    }
    return parts(multipart);
  }

  /** The text parts of a multipart/alternative (a message's own, or the first part of a multipart/mixed). */
  public static List<Part> parts(MimeMultipart multipart) throws MessagingException, IOException {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      parts.add(new Part(part.getContentType(), lf((String) part.getContent())));
    }
    return parts;
  }

  /** A file attached to a multipart/mixed message, as its mail program would save it. */
  public record Attachment(String contentType, String disposition, String fileName, byte[] content) {
  }

  /** The parts of a multipart/mixed message after the first (the message itself). */
  public static List<Attachment> attachments(MimeMessage message) throws MessagingException, IOException {
    List<Attachment> attachments = new ArrayList<>();
    MimeMultipart mixed = (MimeMultipart) message.getContent();
    for (int i = 1; i < mixed.getCount(); i++) {
      BodyPart part = mixed.getBodyPart(i);
      try (InputStream content = part.getInputStream()) {
        attachments.add(new Attachment(part.getContentType(), part.getDisposition(), part.getFileName(),
            content.readAllBytes()));
      }
    }
    return attachments;
  }

  private static String lf(String text) {
    return text.replace("\r\n", "\n");
  }
}
