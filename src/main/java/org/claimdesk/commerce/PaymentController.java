package org.claimdesk.commerce;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code /api/payments}: the shop reports the payments of its orders (group merchant-systems). */
@RestController
@RequestMapping(path = "/api/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class PaymentController {

  private final PaymentService payments;

  PaymentController(PaymentService payments) {
    this.payments = payments;
  }

  /** 201 with the stored payment, also for an identical replay. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Payment> record(@RequestBody Payment payment) {
    Payment stored = payments.record(payment);
    return ResponseEntity
        .created(UriComponentsBuilder.fromPath("/api/payments/{id}").build(stored.id()))
        .body(stored);
  }

  @GetMapping("/{id}")
  Payment find(@PathVariable String id) {
    return payments.findPayment(id).orElseThrow(() -> new RecordNotFoundException("payment", id));
  }
}
