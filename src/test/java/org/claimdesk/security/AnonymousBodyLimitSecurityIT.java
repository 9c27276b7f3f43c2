package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.claimdesk.testsupport.RawHttp;
import org.claimdesk.web.BodyLimitProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #20, point 5: parallel 19 MB posts to a case endpoint without a token exhausted the heap,
 * each body parsed whole before anything looked at it. Now a body announced past its limit is
 * answered 413 problem+json without being read (the client here sends none of it and the answer
 * still comes), an upload past the multipart limit is refused before the token is checked, and a
 * chunked body that announces nothing is cut off at the limit. Nothing is filed.
 */
@PostgresIntegrationTest
class AnonymousBodyLimitSecurityIT {

  static final long NINETEEN_MB = 19L * 1024 * 1024;

  @LocalServerPort
  int port;
  @Autowired
  BodyLimitProperties limits;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ObjectMapper objectMapper;

  @Test
  @DisplayName("a 19 MB claim is refused with 413 before a byte of it is read, and no case is filed")
  void oversizedClaimIsRefusedUnread() throws IOException {
    long casesBefore = cases();

    RawHttp.Answer answer = new RawHttp("127.0.0.1", port).announce("POST", "/api/refund-requests", NINETEEN_MB,
        "Content-Type", "application/json");

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = objectMapper.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("detail").asText()).contains(Long.toString(limits.json().toBytes()));
    assertThat(cases()).isEqualTo(casesBefore);
  }

  @Test
  @DisplayName("a 19 MB upload to a case without a token is refused on its size, before the token check")
  void oversizedUploadIsRefusedBeforeTheToken() throws IOException {
    RawHttp.Answer answer = new RawHttp("127.0.0.1", port).announce("POST", "/api/cases/CD-NOSUCH1/evidence",
        NINETEEN_MB, "Content-Type", "multipart/form-data; boundary=flood");

    // Without the cap this would be the token check's 404, after the upload had been read.
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  @DisplayName("a chunked JSON body that announces no length is cut off at the limit: 413, nothing filed")
  void chunkedFloodIsCutOff() throws IOException {
    long casesBefore = cases();
    StringBuilder flood = new StringBuilder("{\"description\":\"");
    while (flood.length() <= limits.json().toBytes() * 3) {
      flood.append("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    }
    flood.append("\"}");

    RawHttp.Answer answer = new RawHttp("127.0.0.1", port).sendChunked("POST", "/api/refund-requests",
        flood.toString().getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");

    assertThat(answer.status()).isEqualTo(413);
    assertThat(objectMapper.readTree(answer.body()).path("title").asText()).isEqualTo("Request body too large");
    assertThat(cases()).isEqualTo(casesBefore);
  }

  @Test
  @DisplayName("a body within the limit is read as before: a small malformed claim gets its 400")
  void smallBodiesAreStillRead() throws IOException {
    RawHttp.Answer answer = new RawHttp("127.0.0.1", port).sendChunked("POST", "/api/refund-requests",
        "{\"orderId\":".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");

    assertThat(answer.status()).isEqualTo(400);
  }

  private long cases() {
    return jdbc.sql("select count(*) from claimdesk.claim_case").query(Long.class).single();
  }
}
