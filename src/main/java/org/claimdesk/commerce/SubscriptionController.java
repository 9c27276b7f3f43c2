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

/** {@code /api/subscriptions}: the shop reports its subscriptions (group merchant-systems). */
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionController {

  private final SubscriptionService subscriptions;

  SubscriptionController(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** 201 with the stored subscription, also for an identical replay. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Subscription> record(@RequestBody SubscriptionRequest subscription) {
    Subscription stored = subscriptions.record(subscription);
    return ResponseEntity
        .created(UriComponentsBuilder.fromPath("/api/subscriptions/{id}").build(stored.id()))
        .body(stored);
  }

  @GetMapping("/{id}")
  Subscription find(@PathVariable String id) {
    return subscriptions.findSubscription(id)
        .orElseThrow(() -> new RecordNotFoundException("subscription", id));
  }
}
