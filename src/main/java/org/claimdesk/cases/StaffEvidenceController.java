package org.claimdesk.cases;

import java.security.Principal;

import org.claimdesk.commerce.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/staff/cases/{reference}/evidence/{id}}: one file a customer sent, for staff
 * (groups support, finance, managers; HTTP Basic, see {@code ApiSecurityConfig}). Always a
 * download, never rendered in the browser (see {@link Downloads}).
 */
@RestController
@RequestMapping("/api/staff/cases/{reference}/evidence")
class StaffEvidenceController {

  private static final Logger log = LoggerFactory.getLogger(StaffEvidenceController.class);

  private final CaseEvidenceStore evidenceStore;
  private final StaffCaseAccess access;

  StaffEvidenceController(CaseEvidenceStore evidenceStore, StaffCaseAccess access) {
    this.evidenceStore = evidenceStore;
    this.access = access;
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> evidence(@PathVariable String reference, @PathVariable String id, Principal staff) {
    String canonical = CaseReferences.normalize(reference);
    CaseEvidenceStore.EvidenceContent evidence = canonical == null || !id.matches("[0-9]{1,18}")
        || !access.maySee(staff, canonical) ? null
        : evidenceStore.contentOf(canonical, Long.parseLong(id)).orElse(null);
    if (evidence == null) {
      throw new RecordNotFoundException("evidence file", id);
    }
    log.info("Evidence file {} of case {} read by {}", id, canonical, staff == null ? "?" : staff.getName());
    EvidenceItem item = evidence.item();
    return Downloads.attachment(item.fileName(), item.contentType(), evidence.content());
  }
}
