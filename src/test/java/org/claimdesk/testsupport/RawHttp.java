package org.claimdesk.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket bound to a chosen local address, so a test can play a client on
 * another address of the loopback network (any of 127.0.0.0/8 on Linux) than every other test,
 * which all connect from 127.0.0.1. One request per connection; the answer is read to the end.
 */
public final class RawHttp {

  /** An answer: status, headers (names in lower case, each with its values) and body. */
  public record Answer(int status, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final InetAddress from;
  private final int port;

  public RawHttp(String fromAddress, int port) throws IOException {
    this.from = InetAddress.getByName(fromAddress);
    this.port = port;
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code method path} with the headers (name, value pairs) and body (may be null). */
  public Answer send(String method, String path, String body, String... headers) throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(port).append("\r\n")
        .append("Connection: close\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  /**
   * Sends {@code method path} announcing a body of {@code contentLength} bytes, then sends none and
   * closes its side: the answer shows whether the server refused the body before reading it.
   */
  public Answer announce(String method, String path, long contentLength, String... headers) throws IOException {
    return exchange(head(method, path, headers).append("Content-Length: ").append(contentLength)
        .append("\r\n\r\n").toString(), new byte[0]);
  }

  /** Sends {@code method path} with {@code body} in chunks, without announcing its length. */
  public Answer sendChunked(String method, String path, byte[] body, String... headers) throws IOException {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 8192) {
      int length = Math.min(8192, body.length - at);
      chunks.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      chunks.write(body, at, length);
      chunks.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    chunks.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return exchange(head(method, path, headers).append("Transfer-Encoding: chunked\r\n\r\n").toString(),
        chunks.toByteArray());
  }

  private StringBuilder head(String method, String path, String... headers) {
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(port).append("\r\n")
        .append("Connection: close\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    return head;
  }

  private Answer exchange(String head, byte[] content) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      socket.shutdownOutput();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Answer parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("No HTTP answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    byte[] rest = Arrays.copyOfRange(raw, end + 4, raw.length);
    String chunked = headers.getOrDefault("transfer-encoding", List.of()).stream().findFirst().orElse("");
    return new Answer(status, headers, new String(chunked.equalsIgnoreCase("chunked") ? dechunk(rest) : rest,
        StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(chunked);
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int length = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
      if (length == 0) {
        return body.toByteArray();
      }
      body.write(in.readNBytes(length));
      in.readNBytes(2);
    }
  }
}
