package org.claimdesk.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/cases/{reference}}: the customer's case, open to anyone who holds its access token
 * (header {@code X-Case-Token}); an unknown reference and a wrong token both answer 404, and so
 * does an unknown document of a case.
 */
@RestController
@RequestMapping(path = "/api/cases/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerCaseController {

  static final String TOKEN_HEADER = "X-Case-Token";

  private final CustomerCases customerCases;

  CustomerCaseController(CustomerCases customerCases) {
    this.customerCases = customerCases;
  }

  @GetMapping
  ResponseEntity<CaseView> view(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(customerCases.view(reference, token));
  }

  /**
   * A document written for the customer (PD-6), as a download (see {@link Downloads}); the 404
   * for an unknown document is the one for a wrong token. Any {@code Accept}: the type is the
   * document's, not this controller's JSON.
   */
  @GetMapping(path = "/documents/{id}", produces = MediaType.ALL_VALUE)
  ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable String id,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
    CaseDocuments.DocumentContent document = customerCases.document(reference, token, id);
    CaseDocument item = document.document();
    return Downloads.attachment(item.fileName(), item.contentType(), document.content());
  }

  /** One or more files in the multipart field {@code file}. */
  @PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Void> addEvidence(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      @RequestParam(name = "file", required = false) List<MultipartFile> files) {
    List<EvidenceUpload> uploads = files == null ? List.of() : files.stream()
        .map(file -> new EvidenceUpload(file.getOriginalFilename(), file.getContentType(), bytes(file)))
        .toList();
    customerCases.addEvidence(reference, token, uploads);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/offer/accept")
  ResponseEntity<Void> acceptOffer(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
    customerCases.acceptOffer(reference, token);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/offer/decline")
  ResponseEntity<Void> declineOffer(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
    customerCases.declineOffer(reference, token);
    return ResponseEntity.noContent().build();
  }

  /** Withdraws a scheduled cancellation; no body. */
  @PostMapping("/withdraw")
  ResponseEntity<Void> withdraw(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
    customerCases.withdraw(reference, token);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> giveFeedback(@PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      @RequestBody CustomerCases.FeedbackRequest feedback) {
    customerCases.giveFeedback(reference, token, feedback);
    return ResponseEntity.noContent().build();
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read an uploaded file", e);
    }
  }
}
