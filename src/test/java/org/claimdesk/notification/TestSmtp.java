package org.claimdesk.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** GreenMail on a free loopback port chosen once per test class, and reading what it received. */
final class TestSmtp {

  private TestSmtp() {
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ServerSetup smtpOn(int port) {
    return new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
  }

  /** The parts of a multipart/alternative message, as content type and text (SMTP's CRLF read as LF). */
  record Part(String contentType, String text) {
  }

  static List<Part> parts(MimeMessage message) throws MessagingException, IOException {
    List<Part> parts = new ArrayList<>();
    if (!(message.getContent() instanceof MimeMultipart multipart)) {
      parts.add(new Part(message.getContentType(), lf((String) message.getContent())));
      return parts;
    }
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      parts.add(new Part(part.getContentType(), lf((String) part.getContent())));
    }
    return parts;
  }

  private static String lf(String text) {
    return text.replace("\r\n", "\n");
  }
}
