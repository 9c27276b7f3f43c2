package org.claimdesk.mailbox;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.claimdesk.notification.TestSmtp;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real mail server for the mailbox tests: GreenMail with SMTP and IMAP on free loopback ports. */
final class TestMailbox {

  static final String SUPPORT = "support@claimdesk.example";
  static final String PASSWORD = "it-mailbox-password";

  private TestMailbox() {
  }

  /** The mail server, one per test class (register it as a static extension). */
  static GreenMailExtension server(int smtpPort, int imapPort) {
    return new GreenMailExtension(new ServerSetup[] {
        TestSmtp.smtpOn(smtpPort), new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
        .withPerMethodLifecycle(false);
  }

  /** Claimdesk reads the support mailbox on that server, and polls only when the test says so. */
  static void readBy(DynamicPropertyRegistry registry, int imapPort) {
    registry.add("claimdesk.mailbox.host", () -> "127.0.0.1");
    registry.add("claimdesk.mailbox.port", () -> imapPort);
    registry.add("claimdesk.mailbox.protocol", () -> "imap");
    registry.add("claimdesk.mailbox.username", () -> SUPPORT);
    registry.add("claimdesk.mailbox.password", () -> PASSWORD);
    registry.add("claimdesk.mailbox.poll-interval", () -> "PT1H");
  }

  /** The support mailbox's account on the server (GreenMail keeps no account across its restarts). */
  static void open(GreenMailExtension server) {
    server.setUser(SUPPORT, SUPPORT, PASSWORD);
  }
}
