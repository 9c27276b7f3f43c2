package org.claimdesk.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Issue #20 point 7: the engine's REST APIs ({@code /engine-rest} and the webapps' own
 * {@code /camunda/api}) answer a failed command with the exception's message, and an expression
 * that failed puts its text and the value it worked on in that message ({@code Cannot coerce
 * '<a variable's value>' to class java.lang.Long}). This filter reads every error answer
 * ({@code {"type", "message"}}, status 400 and above) before it leaves:
 * <ul>
 *   <li>a message about an expression, a script or FEEL (whatever the status) becomes a plain
 *       <b>400</b>: the command failed on what it was given and nothing was changed;</li>
 *   <li>a 5xx saying an object does not exist ({@code Cannot find task with id ...}) becomes the
 *       404 it is, its message kept;</li>
 *   <li>any other 5xx keeps its status with a plain message;</li>
 *   <li>other 4xx (not found, not authorized, a form field refused) and a deployment's own parse
 *       errors (the analyst's model, needed in Camunda Modeler) pass unchanged.</li>
 * </ul>
 * A replaced answer carries an error id, logged with the original status and type (the engine
 * logs the exception itself); answers without an error status are not buffered.
 */
final class EngineErrorFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineErrorFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What an evaluation failure's message mentions (whole words: a field "description" is no script). */
  private static final Pattern EVALUATION = Pattern.compile(
      "\\$\\{|#\\{|\\b(expressions?|coerce|scripts?|feel|juel)\\b", Pattern.CASE_INSENSITIVE);

  /** The exception types of an evaluation failure ({@code ScriptEvaluationException}, {@code ELException}, ...). */
  private static final Pattern EVALUATION_TYPE = Pattern.compile(
      "Script|Expression|Feel|Juel|PropertyNotFound|MethodNotFound|^EL");

  /** Camunda answers 500 for a task, instance, ... that does not exist; that message names only the caller's id. */
  private static final Pattern NOT_FOUND = Pattern.compile("Cannot find [a-z ]+ with id");

  static final String EVALUATION_MESSAGE = "The process could not evaluate one of its expressions with this"
      + " request, so nothing was changed. Check the values given; the server log has the details under"
      + " error %s.";
  static final String INTERNAL_MESSAGE = "The engine could not carry out this request, so nothing was changed."
      + " The server log has the details under error %s.";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ErrorCapturingResponse capturing = new ErrorCapturingResponse(response);
    try {
      chain.doFilter(request, capturing);
    } finally {
      capturing.finish(request);
    }
  }

  /** The answer to send for a captured error body: the same bytes, or a plain one. */
  static Answer plain(int status, byte[] body, String method, String path) {
    JsonNode error = parse(body);
    if (error == null || !error.path("message").isTextual()) {
      return status >= 500 ? replaced(500, "RestException", INTERNAL_MESSAGE, null) : null;
    }
    String message = error.path("message").asText();
    boolean evaluation = EVALUATION.matcher(message).find()
        || EVALUATION_TYPE.matcher(error.path("type").asText("")).find();
    boolean deploymentParse = status < 500 && "POST".equals(method) && path.endsWith("/deployment/create");
    if (deploymentParse || (status < 500 && !evaluation)) {
      return null;
    }
    if (!evaluation && NOT_FOUND.matcher(message).find()) {
      return new Answer(404, body, null);
    }
    return evaluation
        ? replaced(400, "InvalidRequestException", EVALUATION_MESSAGE, error.get("code"))
        : replaced(status, error.path("type").asText("RestException"), INTERNAL_MESSAGE, error.get("code"));
  }

  private static Answer replaced(int status, String type, String template, JsonNode code) {
    String errorId = UUID.randomUUID().toString();
    ObjectNode plain = JSON.createObjectNode();
    plain.put("type", type);
    plain.put("message", String.format(Locale.ROOT, template, errorId));
    if (code != null && !code.isNull()) {
      plain.set("code", code);
    }
    try {
      return new Answer(status, JSON.writeValueAsBytes(plain), errorId);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write a JSON error", e);
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** A replacement answer; {@code errorId} names it in the log (null: the same body, another status). */
  record Answer(int status, byte[] body, String errorId) {
  }

  /**
   * Passes a successful answer straight through; an answer whose status is 400 or more when its
   * body is first written is kept back until the chain returns.
   */
  private static final class ErrorCapturingResponse extends HttpServletResponseWrapper {

    private final HttpServletResponse response;
    private int status = HttpServletResponse.SC_OK;
    private ByteArrayOutputStream captured;
    private ServletOutputStream stream;
    private PrintWriter writer;

    ErrorCapturingResponse(HttpServletResponse response) {
      super(response);
      this.response = response;
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
      status = sc;
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      status = sc;
      super.sendError(sc, msg);
    }

    private boolean capturing() {
      return captured != null || (stream == null && writer == null && status >= 400 && !response.isCommitted());
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null && writer == null && capturing()) {
        captured = new ByteArrayOutputStream();
        stream = new CapturedStream(captured);
      }
      return stream != null ? stream : (stream = super.getOutputStream());
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null && stream == null && capturing()) {
        captured = new ByteArrayOutputStream();
        writer = new PrintWriter(new OutputStreamWriter(captured, charset()));
      }
      return writer != null ? writer : (writer = super.getWriter());
    }

    private Charset charset() {
      String encoding = getCharacterEncoding();
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    }

    @Override
    public void setContentLength(int len) {
      if (!capturing()) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!capturing()) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(capturing() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(capturing() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (!(capturing() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (captured == null) {
        super.flushBuffer();
      }
    }

    void finish(HttpServletRequest request) throws IOException {
      if (captured == null) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body = captured.toByteArray();
      Answer plain = plain(status, body, request.getMethod(), request.getRequestURI());
      if (plain != null && plain.errorId() == null) {
        response.setStatus(plain.status());
      } else if (plain != null) {
        log.warn("Engine error {}: {} on {} {} answered {} with a plain message", plain.errorId(), status,
            request.getMethod(), request.getRequestURI(), plain.status());
        response.setStatus(plain.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        body = plain.body();
      }
      response.setContentLength(body.length);
      ServletOutputStream out = response.getOutputStream();
      out.write(body);
      out.flush();
    }
  }

  private static final class CapturedStream extends ServletOutputStream {

    private final ByteArrayOutputStream target;

    CapturedStream(ByteArrayOutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      target.write(b, off, len);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("An error answer is written synchronously");
    }
  }
}
