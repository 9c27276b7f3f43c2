package org.claimdesk.payment.stripe;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.discrepancy.DiscrepancyProcess;
import org.claimdesk.discrepancy.DiscrepancyVariables;
import org.claimdesk.jdbc.DbTimes;
import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FieldProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The processor's webhook events ({@code POST /api/processor/stripe/events}): the signature is
 * checked with the endpoint's secret (Stripe's {@code Stripe-Signature}, with a timestamp
 * tolerance), each event id is recorded once in {@code claimdesk.processor_event} (a delivery
 * again answers 200 and does nothing), and:
 * <ul>
 *   <li>a refund event whose refund failed or was cancelled and carries a Claimdesk key starts the
 *       {@code payout-reconciliation} process at once: the customer was told they were paid, so a
 *       manager must see it (the incident names the payout);
 *   <li>a dispute event ({@code charge.dispute.*}) answers a payment discrepancy investigation that
 *       waits for the processor ({@code ProcessorAnswered}, PD-3) on the disputed payment;
 *   <li>anything else is recorded and left.
 * </ul>
 * The event row and what it causes commit together: a failure answers 500 and the processor
 * delivers the event again.
 */
@Service
@ConditionalOnProperty(name = "claimdesk.payment.processor", havingValue = StripePaymentProcessor.NAME)
public class StripeWebhooks {

  /** The message that starts a reconciliation run at once. */
  public static final String RECONCILIATION_REQUESTED = "PayoutReconciliationRequested";

  static final String SIGNATURE_HEADER = "Stripe-Signature";

  private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

  /** What was done with an event. */
  public record Outcome(String eventId, String type, boolean duplicate, String outcome) {
  }

  private final StripeProperties properties;
  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final PaymentService payments;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  StripeWebhooks(StripeProperties properties, JdbcClient jdbc, RuntimeService runtime, PaymentService payments,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.payments = payments;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
    if (StripeProperties.blank(properties.webhookSecret())) {
      log.warn("CLAIMDESK_STRIPE_WEBHOOK_SECRET is not set: the processor's webhook events are refused");
    }
  }

  @Transactional
  public Outcome receive(String payload, String signature) {
    Event event = verified(payload, signature);
    StripeObject object = objectOf(event);
    String objectId = object instanceof Refund r ? r.getId() : object instanceof Dispute d ? d.getId() : null;
    if (!record(event, objectId)) {
      log.info("Processor event {} ({}) was delivered again; ignored", event.getId(), event.getType());
      return new Outcome(event.getId(), event.getType(), true, "delivered before; ignored");
    }
    String outcome;
    if (object instanceof Refund refund
        && (event.getType().startsWith("refund.") || event.getType().equals("charge.refund.updated"))) {
      outcome = refundEvent(refund);
    } else if (object instanceof Dispute dispute && event.getType().startsWith("charge.dispute.")) {
      outcome = disputeEvent(event.getType(), dispute);
    } else {
      outcome = "not handled";
    }
    jdbc.sql("update claimdesk.processor_event set outcome = :outcome where id = :id")
        .param("outcome", outcome.length() > 500 ? outcome.substring(0, 497) + "..." : outcome)
        .param("id", event.getId())
        .update();
    log.info("Processor event {} ({}): {}", event.getId(), event.getType(), outcome);
    return new Outcome(event.getId(), event.getType(), false, outcome);
  }

  private Event verified(String payload, String signature) {
    if (StripeProperties.blank(properties.webhookSecret())) {
      throw new WebhookRefusedException(HttpStatus.SERVICE_UNAVAILABLE, SIGNATURE_HEADER,
          "webhook events are not accepted: no webhook secret is configured");
    }
    if (signature == null || signature.isBlank()) {
      throw new WebhookRefusedException(HttpStatus.BAD_REQUEST, SIGNATURE_HEADER, "the signature header is missing");
    }
    requireTimestampWithinTolerance(signature);
    try {
      return Webhook.constructEvent(payload, signature, properties.webhookSecret(),
          properties.webhookTolerance().toSeconds());
    } catch (SignatureVerificationException e) {
      throw new WebhookRefusedException(HttpStatus.BAD_REQUEST, SIGNATURE_HEADER,
          "the signature does not match the payload, or is older than " + properties.webhookTolerance());
    } catch (RuntimeException e) {
      throw new WebhookRefusedException(HttpStatus.BAD_REQUEST, "body", "not a processor event");
    }
  }

  /**
   * The signature's timestamp ({@code t=}) must lie within the tolerance on both sides of now:
   * Stripe's library refuses only a signature that is too old, so a signed delivery dated in the
   * future (a leaked signing secret, a processor clock far off) would be replayable until then.
   */
  private void requireTimestampWithinTolerance(String signature) {
    Long timestamp = null;
    for (String element : signature.split(",")) {
      String[] pair = element.strip().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        try {
          timestamp = Long.parseLong(pair[1].strip());
        } catch (NumberFormatException e) {
          timestamp = null;
        }
      }
    }
    if (timestamp == null) {
      throw new WebhookRefusedException(HttpStatus.BAD_REQUEST, SIGNATURE_HEADER, "the signature has no timestamp");
    }
    long now = clock.instant().getEpochSecond();
    long tolerance = properties.webhookTolerance().toSeconds();
    if (timestamp > now + tolerance) {
      throw new WebhookRefusedException(HttpStatus.BAD_REQUEST, SIGNATURE_HEADER,
          "the signature's timestamp is more than " + properties.webhookTolerance() + " in the future");
    }
    if (timestamp < now - tolerance) {
      throw new WebhookRefusedException(HttpStatus.BAD_REQUEST, SIGNATURE_HEADER,
          "the signature does not match the payload, or is older than " + properties.webhookTolerance());
    }
  }

  private static StripeObject objectOf(Event event) {
    try {
      // An event of another API version than the client's is read all the same: the fields used
      // here (ids, status, metadata, amounts) are stable across versions.
      var deserializer = event.getDataObjectDeserializer();
      return deserializer.getObject().isPresent() ? deserializer.getObject().get() : deserializer.deserializeUnsafe();
    } catch (Exception e) {
      throw new WebhookRefusedException(HttpStatus.BAD_REQUEST, "data.object", "the event's object cannot be read");
    }
  }

  /** Records the event id; false when it was recorded before. */
  private boolean record(Event event, String objectId) {
    try {
      savepoint.executeWithoutResult(s -> jdbc.sql("""
              insert into claimdesk.processor_event (id, type, object_id, received_at)
              values (:id, :type, :objectId, :receivedAt)""")
          .param("id", event.getId())
          .param("type", event.getType())
          .param("objectId", objectId)
          .param("receivedAt", DbTimes.toDb(DbTimes.truncate(clock.instant())))
          .update());
      return true;
    } catch (DuplicateKeyException delivered) {
      return false;
    }
  }

  private String refundEvent(Refund refund) {
    String key = StripePaymentProcessor.metadataKey(refund);
    String status = String.valueOf(refund.getStatus()).toLowerCase(Locale.ROOT);
    if (key == null) {
      return "refund " + refund.getId() + " is " + status + "; not one of Claimdesk's";
    }
    if (!status.equals("failed") && !status.equals("canceled")) {
      return "refund " + refund.getId() + " of payout " + key + " is " + status;
    }
    runtime.createMessageCorrelation(RECONCILIATION_REQUESTED).correlateStartMessage();
    log.warn("Refund {} of payout {} {} at the processor ({}); reconciliation started", refund.getId(), key,
        status, refund.getFailureReason());
    return "refund " + refund.getId() + " of payout " + key + " " + status + " ("
        + refund.getFailureReason() + "); reconciliation started";
  }

  private String disputeEvent(String type, Dispute dispute) {
    String reference = dispute.getPaymentIntent() != null ? dispute.getPaymentIntent() : dispute.getCharge();
    List<Payment> disputed = reference == null ? List.of() : payments.paymentsWithProcessorReference(reference);
    String answer = "Dispute " + dispute.getId() + " (" + type + "): status " + dispute.getStatus() + ", reason "
        + dispute.getReason() + ", " + StripePaymentProcessor.money(dispute.getAmount(), dispute.getCurrency());
    int answered = 0;
    for (Payment payment : disputed) {
      List<Execution> waiting = runtime.createExecutionQuery()
          .processDefinitionKey(DiscrepancyProcess.KEY)
          .messageEventSubscriptionName(DiscrepancyProcess.MESSAGE_PROCESSOR_ANSWERED)
          .processVariableValueEquals(DiscrepancyVariables.PAYMENT_ID, payment.id())
          .list();
      for (Execution execution : waiting) {
        runtime.createMessageCorrelation(DiscrepancyProcess.MESSAGE_PROCESSOR_ANSWERED)
            .processInstanceId(execution.getProcessInstanceId())
            .setVariable(DiscrepancyVariables.ANSWERED_BY, "PROCESSOR")
            .setVariable(DiscrepancyVariables.PROCESSOR_ANSWER, answer)
            .correlateWithResult();
        answered++;
      }
    }
    return answered == 0
        ? "dispute " + dispute.getId() + " on " + reference + ": no investigation waits for the processor"
        : "dispute " + dispute.getId() + " on " + reference + ": answered " + answered + " investigation(s)";
  }

  /** A webhook call refused: 400 naming the header or part, 503 without a secret. */
  static class WebhookRefusedException extends FieldProblemException {
    WebhookRefusedException(HttpStatus status, String field, String message) {
      super(status, "Processor event refused", "The processor event was refused: " + field + " " + message + ".",
          List.of(new FieldProblem(field, message)));
    }
  }
}
