package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.notification.TestSmtp;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.claimdesk.testsupport.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

/**
 * Issue #20, point 7: the outbox stored every customer email with the private link, access token
 * included, so whoever could read the outbox table, a backup of it, or {@code /api/outbox} could
 * open any case. Now the stored bodies carry {@code ?token=TOKEN-ADDED-WHEN-SENT}; the token is put
 * in only in the email handed to the SMTP server (here GreenMail), and rows written before are
 * redacted by the V11 migration, on PostgreSQL and on H2.
 */
@PostgresIntegrationTest
class OutboxRedactionSecurityIT {

  static final int SMTP_PORT = TestSmtp.freePort();
  static final String PLACEHOLDER = "?token=TOKEN-ADDED-WHEN-SENT";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.smtpOn(SMTP_PORT)).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestSmtp.mailTo(registry, SMTP_PORT);
  }

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ObjectMapper objectMapper;

  @Test
  @DisplayName("a filed claim: the outbox row and /api/outbox hold no token, the email sent holds the working link")
  void tokenOnlyInTheEmailSent() throws Exception {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String orderId = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 4_500);
    smtp.purgeEmailFromAllMailboxes();

    JsonNode filed = api.claim(orderId, "SERVICE_ISSUE", null).getBody();
    String reference = filed.path("reference").asText();
    String token = filed.path("accessToken").asText();
    assertThat(token).hasSize(43);

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage sent = smtp.getReceivedMessages()[0];
    List<TestSmtp.Part> parts = TestSmtp.parts(sent);
    String link = "/cases/" + reference + "?token=" + token;
    assertThat(parts.get(0).text()).contains(link).doesNotContain("TOKEN-ADDED-WHEN-SENT");
    assertThat(parts.get(1).text()).contains(link + "\"")
        .doesNotContain("TOKEN-ADDED-WHEN-SENT");
    // The link in the email opens the case.
    Matcher emailed = Pattern.compile("https?://\\S+" + Pattern.quote(link)).matcher(parts.get(0).text());
    assertThat(emailed.find()).isTrue();
    assertThat(api.caseOf(reference, URI.create(emailed.group()).getQuery().substring("token=".length()))
        .path("reference").asText()).isEqualTo(reference);

    // What is stored: the link without its token, in both bodies, and the email marked SENT.
    OutboxRow row = jdbc.sql("select status, text_body, html_body from claimdesk.notification_outbox"
            + " where case_reference = :reference and message_kind = 'CLAIM_RECEIVED' for update")
        .param("reference", reference)
        .query((rs, n) -> new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    assertThat(row.status()).isEqualTo("SENT");
    assertThat(row.textBody()).contains("/cases/" + reference + PLACEHOLDER).doesNotContain(token);
    assertThat(row.htmlBody()).contains("/cases/" + reference + PLACEHOLDER + "\">")
        .doesNotContain(token);
    assertThat(jdbc.sql("select count(*) from claimdesk.notification_outbox"
            + " where text_body like :pattern or html_body like :pattern or subject like :pattern")
        .param("pattern", "%" + token + "%").query(Long.class).single()).isZero();

    // The administrators' outbox API shows the bodies as stored.
    HttpResponse<String> outbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/outbox?caseReference=" + reference))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(outbox.statusCode()).isEqualTo(200);
    assertThat(outbox.body()).doesNotContain(token).contains(reference + PLACEHOLDER);
    assertThat(objectMapper.readTree(outbox.body()).path(0).path("status").asText()).isEqualTo("SENT");
  }

  @Test
  @DisplayName("V11 on PostgreSQL: rows written with a token before it have it replaced, staff notices and other text kept")
  void migrationRedactsEarlierRowsOnPostgres() throws Exception {
    String url = PostgresTestDatabase.recreateDatabase("claimdesk_outbox_v11");
    assertMigrationRedacts(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }

  @Test
  @DisplayName("V11 on H2: the same")
  void migrationRedactsEarlierRowsOnH2() throws Exception {
    assertMigrationRedacts("jdbc:h2:mem:outbox-v11-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static void assertMigrationRedacts(String url, String user, String password) throws SQLException {
    String token = "Zm9vYmFyLWJhei1xdXV4LWNvcmdlLWdyYXVsdC1nYXJ";
    assertThat(token).hasSize(43);
    String link = "https://claims.example.test/cases/CD-7K2M9QXA?token=" + token;
    String text = "Bonjour Marie,\n...\nVotre dossier :\n" + link + "\n";
    String html = "<p><a href=\"" + link + "\">" + link + "</a></p>";
    String staffText = "Case CD-7K2M9QXA waits for a first reply; token= is not a link here";

    migrate(url, user, password, "10");
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      insert(connection, "CUSTOMER", text, html);
      insert(connection, "STAFF", staffText, null);
    }
    migrate(url, user, password, null);

    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement query = connection.prepareStatement(
            "select recipient_kind, text_body, html_body from claimdesk.notification_outbox order by recipient_kind");
        ResultSet rows = query.executeQuery()) {
      String redacted = "https://claims.example.test/cases/CD-7K2M9QXA" + PLACEHOLDER;
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("CUSTOMER");
      assertThat(rows.getString(2)).isEqualTo(text.replace(link, redacted));
      assertThat(rows.getString(3)).isEqualTo("<p><a href=\"" + redacted + "\">" + redacted + "</a></p>");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(2)).isEqualTo(staffText);
      assertThat(rows.getString(3)).isNull();
    }
  }

  /** Flyway as the application runs it: on H2 the schema name in upper case (see MerchantSchemaConfiguration). */
  private static void migrate(String url, String user, String password, String target) {
    String schema = url.startsWith("jdbc:h2:") ? "CLAIMDESK" : "claimdesk";
    var configuration = Flyway.configure().dataSource(url, user, password)
        .schemas(schema).defaultSchema(schema).createSchemas(true);
    if (target != null) {
      configuration = configuration.target(target);
    }
    configuration.load().migrate();
  }

  private static void insert(Connection connection, String kind, String text, String html) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("insert into claimdesk.notification_outbox"
        + " (id, case_reference, recipient_kind, message_kind, language, recipient, subject, text_body, html_body,"
        + " status, attempts, next_attempt_at, created_at) values (?, 'CD-7K2M9QXA', ?, 'CLAIM_RECEIVED', 'fr',"
        + " 'marie@example.com', 'Votre dossier CD-7K2M9QXA', ?, ?, 'NO_SMTP', 0, current_timestamp, current_timestamp)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, kind);
      insert.setString(3, text);
      insert.setString(4, html);
      insert.executeUpdate();
    }
  }

  record OutboxRow(String status, String textBody, String htmlBody) {
  }
}
