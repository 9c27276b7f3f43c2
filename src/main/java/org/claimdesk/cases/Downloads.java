package org.claimdesk.cases;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a stored file leaves the application (an evidence file for staff, a case document for the
 * customer or staff): always a download, never rendered in the browser, never cached, so a file
 * cannot run as a page of this site: {@code Content-Disposition: attachment},
 * {@code X-Content-Type-Options: nosniff} and a sandboxing content security policy.
 */
final class Downloads {

  private Downloads() {
  }

  static ResponseEntity<byte[]> attachment(String fileName, String contentType, byte[] content) {
    MediaType type = MediaType.parseMediaType(contentType);
    if (EvidenceTypes.TEXT.equals(contentType)) {
      type = new MediaType(type, StandardCharsets.UTF_8);
    }
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(content.length)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .cacheControl(CacheControl.noStore())
        .body(content);
  }
}
