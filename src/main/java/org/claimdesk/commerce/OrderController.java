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

/** {@code /api/orders}: the shop reports its orders (group merchant-systems). */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  /** 201 with the stored order, also for an identical replay. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Order> record(@RequestBody Order order) {
    Order stored = orders.record(order);
    return ResponseEntity
        .created(UriComponentsBuilder.fromPath("/api/orders/{id}").build(stored.id()))
        .body(stored);
  }

  @GetMapping("/{id}")
  Order find(@PathVariable String id) {
    return orders.findOrder(id).orElseThrow(() -> new RecordNotFoundException("order", id));
  }
}
