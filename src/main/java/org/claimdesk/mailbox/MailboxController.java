package org.claimdesk.mailbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/staff/mailbox}: the support mailbox's mails and what became of each, newest first
 * ({@code ?status=FAILED} for those waiting for an operator). Support and managers read it; the
 * list holds who wrote and the subject, never the mail's body or files (those are in the triage
 * task or on the case). {@code POST /api/staff/mailbox/{id}/retry} (managers, administrators) hands
 * a FAILED mail back to be handled at the next poll.
 */
@RestController
@RequestMapping(path = "/api/staff/mailbox", produces = MediaType.APPLICATION_JSON_VALUE)
class MailboxController {

  private final InboundMailStore store;

  MailboxController(InboundMailStore store) {
    this.store = store;
  }

  @GetMapping
  ResponseEntity<List<InboundMailStore.Row>> list(@RequestParam(required = false) InboundMailStatus status,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(store.list(status, limit));
  }

  @PostMapping("/{id}/retry")
  ResponseEntity<Void> retry(@PathVariable long id) {
    if (store.find(id).isEmpty()) {
      throw problem(HttpStatus.NOT_FOUND, "No mail " + id + ".");
    }
    if (!store.retry(id)) {
      throw problem(HttpStatus.CONFLICT, "Mail " + id + " is not FAILED; only a failed mail is handed back.");
    }
    return ResponseEntity.noContent().build();
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
