package org.claimdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.claimdesk.mailbox.MailboxPoller;
import org.claimdesk.notification.TestSmtp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default as {@code mvn spring-boot:run -Dspring-boot.run.profiles=demo} starts it (profile demo, a file H2
 * database), started twice on the same database files, as a developer restarts it.
 */
class EmbeddedDefaultTest {

  @TempDir
  Path dataDirectory;

  @Test
  @DisplayName("demo profile on file H2: demo users log in, the REST API needs them, a restart creates no version")
  void embeddedDefaultStartsAndRestartsWithoutNewVersions() throws Exception {
    Map<String, Integer> versions;
    try (ConfigurableApplicationContext app = start()) {
      IdentityService identity = app.getBean(IdentityService.class);
      for (String user : new String[] {"admin", "anna", "leo", "fred", "mia", "alex", "shop"}) {
        assertThat(identity.checkPassword(user, "demo")).as(user).isTrue();
      }
      assertThat(identity.createUserQuery().memberOfGroup("merchant-systems").list())
          .extracting(u -> u.getId()).containsExactly("shop");
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      assertThat(status(port, null)).isEqualTo(401);
      assertThat(status(port, "mia:demo")).isEqualTo(200);
      versions = versions(app.getBean(RepositoryService.class));
      assertThat(versions).containsEntry("fixture-claim", 1).containsEntry("fixtureDecision", 1);
    }

    try (ConfigurableApplicationContext app = start()) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      assertThat(versions(repository)).isEqualTo(versions);
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("demo profile: its own mail server takes a customer's mail for the support address, and the mailbox opens the case (README's mail)")
  void theDemoMailServerTakesAMailAndACaseOpens() throws Exception {
    int smtp = TestSmtp.freePort();
    int imap = TestSmtp.freePort();
    try (ConfigurableApplicationContext app = startWith("--claimdesk.demo.mail-server.enabled=true",
        "--claimdesk.demo.mail-server.smtp-port=" + smtp, "--claimdesk.demo.mail-server.imap-port=" + imap,
        "--claimdesk.mailbox.host=127.0.0.1", "--claimdesk.mailbox.port=" + imap, "--claimdesk.mailbox.poll-interval=PT1H")) {
      Properties session = new Properties();
      session.put("mail.smtp.host", "127.0.0.1");
      session.put("mail.smtp.port", Integer.toString(smtp));
      MimeMessage mail = new MimeMessage(Session.getInstance(session));
      mail.setFrom(new InternetAddress("marie.dubois@example.com", "Marie Dubois", "UTF-8"));
      mail.setRecipients(Message.RecipientType.TO, "support@claimdesk.example");
      mail.setSubject("Recharge non reçue", "UTF-8");
      mail.setText("Bonjour, ma recharge de portefeuille (commande ord-recharge-10h) n'est pas arrivée.\n"
          + "Nom du payeur : Marie Dubois\n", "UTF-8");
      Transport.send(mail);

      app.getBean(MailboxPoller.class).pollOnce();

      JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
      assertThat(jdbc.sql("select status from claimdesk.inbound_mail").query(String.class).list())
          .containsExactly("OPENED_CASE");
      assertThat(jdbc.sql("select type || ' ' || channel from claimdesk.claim_case where subject_id = 'ord-recharge-10h'")
          .query(String.class).list()).containsExactly("WALLET_RECHARGE_ISSUE EMAIL");
    }
  }

  /** The demo with the fixture models (restarts are about versions, not the processes). */
  private ConfigurableApplicationContext start() {
    return startWith("--claimdesk.deployment.locations=classpath*:deployer/processes/*.bpmn,"
        + "classpath*:deployer/processes/*.dmn,classpath*:deployer/forms/*.form");
  }

  /** The demo as shipped, with its own models, and these arguments. */
  private ConfigurableApplicationContext startWith(String... more) {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.profiles.active=demo",
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("claimdesk"),
        "--camunda.bpm.job-execution.enabled=false"));
    arguments.addAll(List.of(more));
    return new SpringApplicationBuilder(ClaimdeskApplication.class).run(arguments.toArray(String[]::new));
  }

  private static int status(int port, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/engine-rest/process-definition"));
    if (credentials != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Map<String, Integer> versions(RepositoryService repository) {
    Map<String, Integer> versions = new TreeMap<>();
    repository.createProcessDefinitionQuery().latestVersion().list()
        .forEach(definition -> versions.put(definition.getKey(), definition.getVersion()));
    repository.createDecisionDefinitionQuery().latestVersion().list()
        .forEach(decision -> versions.put(decision.getKey(), decision.getVersion()));
    return versions;
  }
}
