package org.claimdesk.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded demo's own mail server (GreenMail, SMTP and IMAP on 127.0.0.1), so a newcomer can
 * write to the support mailbox and see a case open (README, "Write to the support mailbox"). Its one
 * mailbox is the support address, with the published demo password; Claimdesk's mailbox reader
 * ({@code claimdesk.mailbox.*}, set in the demo profile) reads it. On only with
 * {@code claimdesk.demo.mail-server.enabled=true}, which only the demo profile sets; it is never part
 * of production (the postgres profile cannot run with the demo).
 */
@Component
@ConditionalOnProperty(name = "claimdesk.demo.mail-server.enabled", havingValue = "true")
class DemoMailServer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

  private final GreenMail server;

  DemoMailServer(@Value("${claimdesk.demo.mail-server.smtp-port:3025}") int smtpPort,
      @Value("${claimdesk.demo.mail-server.imap-port:3143}") int imapPort,
      @Value("${claimdesk.mailbox.username}") String mailbox,
      @Value("${claimdesk.mailbox.password}") String password) {
    server = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    server.start();
    server.setUser(mailbox, mailbox, password);
    log.info("Demo mail server: send to {} through SMTP 127.0.0.1:{}; Claimdesk reads it over IMAP 127.0.0.1:{}",
        mailbox, smtpPort, imapPort);
  }

  @Override
  public void destroy() {
    server.stop();
  }
}
