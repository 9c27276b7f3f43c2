package org.claimdesk.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * No request body on {@code /api} is read past its limit (issue #20 point 5): a body announced
 * larger than the limit is answered {@code 413} as {@code application/problem+json} before any
 * other filter, any token check or any parsing; a body without a length (chunked) is read through
 * a counter that stops at the limit, and the request is answered 413 the same way
 * ({@link BodyTooLargeException}, see {@link ApiExceptionHandler}). Multipart uploads (evidence)
 * may be as large as {@code spring.servlet.multipart.max-request-size}, every other body (JSON) as
 * {@code claimdesk.web.body-limit.json}. Tomcat itself keeps to the multipart limit while it
 * parses, spooling files to disk, so an unannounced upload is bounded as well.
 */
class BodyLimit extends OncePerRequestFilter {

  private final long jsonLimit;
  private final long multipartLimit;
  private final ObjectMapper objectMapper;

  BodyLimit(long jsonLimit, long multipartLimit, ObjectMapper objectMapper) {
    this.jsonLimit = jsonLimit;
    this.multipartLimit = multipartLimit;
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean multipart = isMultipart(request);
    long limit = multipart ? multipartLimit : jsonLimit;
    long announced = request.getContentLengthLong();
    if (announced > limit) {
      refuse(response, limit);
      return;
    }
    if (announced < 0 && !multipart) {
      chain.doFilter(new Counted(request, limit), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response, long limit) throws IOException {
    // The unread body is not worth keeping the connection for.
    response.setHeader("Connection", "close");
    ApiSecurityConfig.writeProblem(response, objectMapper, HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + limit + " bytes.", false);
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
        MediaType.MULTIPART_FORM_DATA_VALUE.length());
  }

  /** A body read past its limit. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("The request body is larger than " + limit + " bytes.");
    }
  }

  /** The request whose body stops at the limit. */
  private static final class Counted extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream counted;

    Counted(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new CountedStream(super.getInputStream(), limit);
      }
      return counted;
    }
  }

  private static final class CountedStream extends ServletInputStream {
    private final ServletInputStream body;
    private final long limit;
    private long read;

    CountedStream(ServletInputStream body, long limit) {
      this.body = body;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int next = body.read();
      if (next >= 0) {
        count(1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      // Never ask for more than one byte past the limit, so a flood is not buffered here either.
      int asked = (int) Math.min(length, limit - read + 1);
      int got = body.read(buffer, offset, Math.max(asked, 1));
      if (got > 0) {
        count(got);
      }
      return got;
    }

    private void count(long bytes) throws BodyTooLargeException {
      read += bytes;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
