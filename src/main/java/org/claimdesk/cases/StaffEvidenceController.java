package org.claimdesk.cases;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.claimdesk.commerce.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/staff/cases/{reference}/evidence/{id}}: one file a customer sent, for staff
 * (groups support, finance, managers; HTTP Basic, see {@code ApiSecurityConfig}). Always a
 * download, never rendered in the browser: {@code Content-Disposition: attachment},
 * {@code X-Content-Type-Options: nosniff} and a sandboxing content security policy.
 */
@RestController
@RequestMapping("/api/staff/cases/{reference}/evidence")
class StaffEvidenceController {

  private static final Logger log = LoggerFactory.getLogger(StaffEvidenceController.class);

  private final JdbcCaseService cases;

  StaffEvidenceController(JdbcCaseService cases) {
    this.cases = cases;
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> evidence(@PathVariable String reference, @PathVariable String id, Principal staff) {
    String canonical = CaseReferences.normalize(reference);
    JdbcCaseService.EvidenceContent evidence = canonical == null || !id.matches("[0-9]{1,18}") ? null
        : cases.evidenceContent(canonical, Long.parseLong(id)).orElse(null);
    if (evidence == null) {
      throw new RecordNotFoundException("evidence file", id);
    }
    log.info("Evidence file {} of case {} read by {}", id, canonical, staff == null ? "?" : staff.getName());
    EvidenceItem item = evidence.item();
    MediaType type = MediaType.parseMediaType(item.contentType());
    if (EvidenceTypes.TEXT.equals(item.contentType())) {
      type = new MediaType(type, StandardCharsets.UTF_8);
    }
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(evidence.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(item.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .cacheControl(CacheControl.noStore())
        .body(evidence.content());
  }
}
