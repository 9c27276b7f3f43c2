package org.claimdesk.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A multipart POST over a plain socket that reads the answer even when the server answers
 * before it has read the whole body and closes the connection (an upload over the size limit).
 */
final class RawHttp {

  private RawHttp() {
  }

  /** The raw answer: status line, headers and body. */
  static String postMultipart(int port, String path, Map<String, String> headers, String field, String fileName,
      String contentType, byte[] content) throws Exception {
    String boundary = "claimdesk-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    StringBuilder head = new StringBuilder()
        .append("POST ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(port).append("\r\n")
        .append("Content-Type: multipart/form-data; boundary=").append(boundary).append("\r\n")
        .append("Content-Length: ").append(body.size()).append("\r\n")
        .append("Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
        try {
          out.write(head.toString().getBytes(StandardCharsets.UTF_8));
          body.writeTo(out);
          out.flush();
        } catch (IOException closedByServer) {
          // expected: the server stops reading once the limit is exceeded
        }
      });
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          answer.write(buffer, 0, read);
        }
      } catch (IOException reset) {
        // a reset after the answer (the unread rest of the body) ends the exchange as well
      }
      sending.cancel(true);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
