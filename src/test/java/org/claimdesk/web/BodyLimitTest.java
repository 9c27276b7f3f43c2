package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ServletRequest;

/** The body limit: refused by its announced length before anything reads it, or cut off when read. */
class BodyLimitTest {

  private final ObjectMapper objectMapper = new ObjectMapper();
  private final BodyLimit filter = new BodyLimit(100, 1000, objectMapper);
  private final AtomicReference<ServletRequest> passed = new AtomicReference<>();

  @Test
  void anAnnouncedOversizedJsonBodyIsRefusedWith413BeforeTheChain() throws Exception {
    MockHttpServletRequest request = post("application/json", new byte[101]);
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, (req, res) -> passed.set(req));

    assertThat(passed.get()).isNull();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(objectMapper.readTree(response.getContentAsString()).path("detail").asText())
        .isEqualTo("The request body is larger than 100 bytes.");
  }

  @Test
  void aBodyWithinTheLimitPassesUntouched() throws Exception {
    MockHttpServletRequest request = post("application/json", new byte[100]);

    filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set(req));

    assertThat(passed.get()).isSameAs(request);
  }

  @Test
  void multipartMayReachItsOwnLargerLimitButNotPastIt() throws Exception {
    filter.doFilter(post("multipart/form-data; boundary=x", new byte[1000]), new MockHttpServletResponse(),
        (req, res) -> passed.set(req));
    assertThat(passed.get()).isNotNull();

    passed.set(null);
    MockHttpServletResponse refused = new MockHttpServletResponse();
    filter.doFilter(post("Multipart/Form-Data; boundary=x", new byte[1001]), refused, (req, res) -> passed.set(req));
    assertThat(passed.get()).isNull();
    assertThat(refused.getStatus()).isEqualTo(413);
  }

  @Test
  void aChunkedBodyIsCutOffOneBytePastTheLimit() throws Exception {
    // MockHttpServletRequest announces its content's length; a chunked body announces none.
    MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/refund-requests") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }
    };
    chunked.setContentType("application/json");
    chunked.setContent(new byte[5000]);

    filter.doFilter(chunked, new MockHttpServletResponse(), (req, res) -> passed.set(req));

    assertThat(passed.get()).isNotSameAs(chunked);
    byte[] buffer = new byte[4096];
    assertThat(passed.get().getInputStream().read(buffer, 0, 100)).isEqualTo(100);
    assertThatThrownBy(() -> passed.get().getInputStream().read(buffer, 0, buffer.length))
        .isInstanceOf(BodyLimit.BodyTooLargeException.class)
        .hasMessage("The request body is larger than 100 bytes.");
  }

  private static MockHttpServletRequest post(String type, byte[] body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/refund-requests");
    request.setContentType(type);
    request.setContent(body);
    return request;
  }
}
