package org.claimdesk.payment.stripe;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/processor/stripe/events}: the processor's webhook endpoint. No login; the
 * signature is the authentication ({@link StripeWebhooks}). 200 for an event handled or delivered
 * again, 400 naming {@code Stripe-Signature} (or the body) for one refused.
 */
@RestController
@ConditionalOnProperty(name = "claimdesk.payment.processor", havingValue = StripePaymentProcessor.NAME)
class StripeWebhookController {

  static final String PATH = "/api/processor/stripe/events";

  private final StripeWebhooks webhooks;

  StripeWebhookController(StripeWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> receive(@RequestBody(required = false) String payload,
      @RequestHeader(name = StripeWebhooks.SIGNATURE_HEADER, required = false) String signature) {
    StripeWebhooks.Outcome outcome = webhooks.receive(payload == null ? "" : payload, signature);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", outcome.eventId());
    answer.put("type", outcome.type());
    answer.put("duplicate", outcome.duplicate());
    answer.put("outcome", outcome.outcome());
    return answer;
  }
}
