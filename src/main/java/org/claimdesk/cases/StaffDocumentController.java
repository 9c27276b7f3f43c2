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
 * {@code GET /api/staff/cases/{reference}/documents/{id}}: a document Claimdesk wrote for the
 * case (the resolution of a payment discrepancy), for staff (groups support, finance, managers;
 * HTTP Basic, see {@code ApiSecurityConfig}), exactly as the customer downloads it: always a
 * download (see {@link Downloads}).
 */
@RestController
@RequestMapping("/api/staff/cases/{reference}/documents")
class StaffDocumentController {

  private static final Logger log = LoggerFactory.getLogger(StaffDocumentController.class);

  private final CaseDocuments documents;
  private final StaffCaseAccess access;

  StaffDocumentController(CaseDocuments documents, StaffCaseAccess access) {
    this.documents = documents;
    this.access = access;
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable String id, Principal staff) {
    String canonical = CaseReferences.normalize(reference);
    CaseDocuments.DocumentContent document = canonical == null || !access.maySee(staff, canonical) ? null
        : documents.content(canonical, id).orElse(null);
    if (document == null) {
      throw new RecordNotFoundException("case document", id);
    }
    log.info("Document {} of case {} read by {}", id, canonical, staff == null ? "?" : staff.getName());
    CaseDocument item = document.document();
    return Downloads.attachment(item.fileName(), item.contentType(), document.content());
  }
}
