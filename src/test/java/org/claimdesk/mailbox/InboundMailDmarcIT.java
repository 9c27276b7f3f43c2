package org.claimdesk.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import org.claimdesk.notification.TestSmtp;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the mail server's Authentication-Results id set, only a mail that server stamped dmarc=pass
 * is believed to come from its From address (the header stands for the stamp the server adds).
 */
@PostgresIntegrationTest
class InboundMailDmarcIT {

  static final String SUPPORT = TestMailbox.SUPPORT;
  static final int SMTP_PORT = TestSmtp.freePort();
  static final int IMAP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension mailServer = TestMailbox.server(SMTP_PORT, IMAP_PORT);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestMailbox.readBy(registry, IMAP_PORT);
    registry.add("claimdesk.mailbox.authserv-id", () -> "mx.claimdesk.example");
  }

  @LocalServerPort
  int port;
  @Autowired
  MailboxPoller poller;
  @Autowired
  JdbcClient jdbc;

  @Test
  @DisplayName("A recharge report stamped dmarc=pass by our server opens its case; the same without it, or stamped by another id, changes nothing")
  void onlyAProvenSenderOpensACase() throws Exception {
    TestMailbox.open(mailServer);
    ClaimdeskApi api = new ClaimdeskApi(port);
    String forged = api.order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(10, ChronoUnit.HOURS), null, 1500);
    String proven = api.order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(10, ChronoUnit.HOURS), null, 1600);
    send(forged, "evil.example; dmarc=pass header.from=example.com");
    send(proven, "mx.claimdesk.example; spf=pass; dkim=pass; dmarc=pass header.from=example.com");

    poller.pollOnce();

    assertThat(jdbc.sql("select count(*) from claimdesk.claim_case where subject_id = ?").param(forged)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select note from claimdesk.inbound_mail where subject = ?").param("Recharge " + forged)
        .query(String.class).single()).contains("not stamped dmarc=pass by mx.claimdesk.example");
    assertThat(jdbc.sql("select channel from claimdesk.claim_case where subject_id = ?").param(proven)
        .query(String.class).single()).isEqualTo("EMAIL");
  }

  private static void send(String order, String authenticationResults) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(SMTP_PORT));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress(ClaimdeskApi.emailOf(order), "Camille Test", "UTF-8"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
    message.setSubject("Recharge " + order, "UTF-8");
    message.setText("My wallet recharge for order " + order + " has not arrived.", "UTF-8");
    message.setHeader("Authentication-Results", authenticationResults);
    Transport.send(message);
  }
}
