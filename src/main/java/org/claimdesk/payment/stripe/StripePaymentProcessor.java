package org.claimdesk.payment.stripe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import org.claimdesk.commerce.Money;
import org.claimdesk.payment.ListedRefund;
import org.claimdesk.payment.PaymentProcessor;
import org.claimdesk.payment.ProcessorCharge;
import org.claimdesk.payment.ProcessorRefund;
import org.claimdesk.payment.ProcessorRefusedException;
import org.claimdesk.payment.ProcessorRefusedException.Reason;
import org.claimdesk.payment.ProcessorUnavailableException;
import org.claimdesk.payment.RefundInstruction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@link PaymentProcessor} on a Stripe-compatible API, through Stripe's own Java client
 * ({@code claimdesk.payment.processor=stripe}, settings {@link StripeProperties}).
 *
 * <h2>A refund</h2>
 * <ol>
 *   <li>The charge's refunds are listed and one carrying the payout's key in its metadata
 *       ({@value #METADATA_KEY}) is the answer: Stripe forgets idempotency keys after 24 hours,
 *       the metadata stays, so a payout retried days later still finds its refund.
 *   <li>Otherwise {@code POST /v1/refunds} with the payout's key as {@code Idempotency-Key}:
 *       Stripe answers a repeated key with the first refund. A reference starting {@code pi_}
 *       is a PaymentIntent, any other ({@code ch_}, {@code py_}) a charge.
 * </ol>
 * A timeout, 409 or 5xx is asked again by the client with the same key; a 429 after its
 * {@code Retry-After} ({@link RetryAfterHttpClient}); what still fails is a
 * {@link ProcessorUnavailableException} and the job retries. A 4xx that the same request cannot
 * overcome is a {@link ProcessorRefusedException}.
 */
@Component
@ConditionalOnProperty(name = "claimdesk.payment.processor", havingValue = StripePaymentProcessor.NAME)
public class StripePaymentProcessor implements PaymentProcessor {

  static final String NAME = "stripe";

  /** The refund's metadata entry holding the payout's idempotency key. */
  public static final String METADATA_KEY = "claimdesk_idempotency_key";

  private static final Logger log = LoggerFactory.getLogger(StripePaymentProcessor.class);

  private final StripeClient client;
  private final StripeProperties properties;

  StripePaymentProcessor(StripeProperties properties) {
    if (StripeProperties.blank(properties.apiKey())) {
      throw new IllegalStateException("claimdesk.payment.processor=stripe needs an API key:"
          + " set CLAIMDESK_STRIPE_API_KEY (claimdesk.payment.stripe.api-key)");
    }
    this.properties = properties;
    StripeClient.StripeClientBuilder builder = StripeClient.builder()
        .setApiKey(properties.apiKey())
        .setConnectTimeout((int) properties.connectTimeout().toMillis())
        .setReadTimeout((int) properties.readTimeout().toMillis())
        .setMaxNetworkRetries(Math.max(0, properties.maxAttempts() - 1))
        .setHttpClient(new RetryAfterHttpClient(properties.maxAttempts(), properties.maxRetryAfter()));
    if (!StripeProperties.blank(properties.apiBase())) {
      builder.setApiBase(properties.apiBase());
    }
    this.client = builder.build();
    log.info("Payment processor: stripe at {}", StripeProperties.blank(properties.apiBase())
        ? "Stripe's API" : properties.apiBase());
  }

  @Override
  public ProcessorRefund refund(RefundInstruction instruction) {
    requireComplete(instruction);
    String key = instruction.idempotencyKey();
    Optional<Refund> made = call("find the refunds of " + instruction.chargeReference(),
        () -> findByKey(instruction.chargeReference(), key));
    Refund refund = made.isPresent() ? made.get() : call("refund " + instruction.chargeReference() + " (key " + key + ")",
        () -> client.v1().refunds().create(createParams(instruction),
            RequestOptions.builder().setIdempotencyKey(key).build()));
    ProcessorRefund answer = toProcessorRefund(refund, instruction.chargeReference());
    if (!answer.amount().equals(instruction.amount())) {
      throw new ProcessorRefusedException(Reason.IDEMPOTENCY_KEY_REUSED, "key " + key
          + " was used for refund " + refund.getId() + " of " + answer.amount() + ", not of " + instruction.amount());
    }
    log.info("Stripe refund {} of {} on {} is {} (key {}{})", refund.getId(), answer.amount(),
        instruction.chargeReference(), answer.status(), key, made.isPresent() ? ", found by its metadata" : "");
    return answer;
  }

  @Override
  public Optional<ProcessorCharge> findCharge(String chargeReference) {
    try {
      return Optional.of(chargeReference.startsWith("pi_")
          ? fromPaymentIntent(chargeReference)
          : fromCharge(client.v1().charges().retrieve(chargeReference)));
    } catch (InvalidRequestException e) {
      if (Integer.valueOf(404).equals(e.getStatusCode()) || "resource_missing".equals(e.getCode())) {
        return Optional.empty();
      }
      throw unavailable("read charge " + chargeReference, e);
    } catch (StripeException e) {
      throw unavailable("read charge " + chargeReference, e);
    }
  }

  @Override
  public List<ListedRefund> refundsCreated(Instant from, Instant to) {
    RefundListParams params = RefundListParams.builder()
        .setCreated(RefundListParams.Created.builder()
            .setGte(from.getEpochSecond())
            .setLt(to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0))
            .build())
        .setLimit((long) properties.listPageSize())
        .build();
    List<ListedRefund> listed = new ArrayList<>();
    call("list refunds", () -> {
      for (Refund refund : client.v1().refunds().list(params).autoPagingIterable()) {
        listed.add(new ListedRefund(refund.getId(), metadataKey(refund), chargeReferenceOf(refund, null),
            money(refund.getAmount(), refund.getCurrency()), status(refund.getStatus()),
            Instant.ofEpochSecond(refund.getCreated())));
      }
      return listed;
    });
    return listed;
  }

  /** The refund of the charge that carries the key in its metadata, if there is one. */
  private Optional<Refund> findByKey(String chargeReference, String key) throws StripeException {
    RefundListParams.Builder params = RefundListParams.builder().setLimit((long) properties.listPageSize());
    if (chargeReference.startsWith("pi_")) {
      params.setPaymentIntent(chargeReference);
    } else {
      params.setCharge(chargeReference);
    }
    for (Refund refund : client.v1().refunds().list(params.build()).autoPagingIterable()) {
      if (key.equals(metadataKey(refund))) {
        return Optional.of(refund);
      }
    }
    return Optional.empty();
  }

  private static RefundCreateParams createParams(RefundInstruction instruction) {
    RefundCreateParams.Builder params = RefundCreateParams.builder()
        .setAmount(instruction.amount().amount())
        .putMetadata(METADATA_KEY, instruction.idempotencyKey());
    if (instruction.reason() != null && !instruction.reason().isBlank()) {
      params.putMetadata("claimdesk_reason", instruction.reason());
    }
    if (instruction.chargeReference().startsWith("pi_")) {
      params.setPaymentIntent(instruction.chargeReference());
    } else {
      params.setCharge(instruction.chargeReference());
    }
    return params.build();
  }

  private ProcessorCharge fromPaymentIntent(String reference) throws StripeException {
    PaymentIntent intent = client.v1().paymentIntents().retrieve(reference,
        PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build());
    Charge latest = intent.getLatestChargeObject();
    Money amount = money(intent.getAmount(), intent.getCurrency());
    Money refunded = latest == null || latest.getAmountRefunded() == null
        ? Money.zero(amount.currency()) : money(latest.getAmountRefunded(), intent.getCurrency());
    ProcessorCharge.Status status = switch (String.valueOf(intent.getStatus())) {
      case "succeeded" -> ProcessorCharge.Status.CAPTURED;
      case "canceled" -> ProcessorCharge.Status.FAILED;
      default -> ProcessorCharge.Status.PENDING;
    };
    return new ProcessorCharge(reference, amount, status, refunded);
  }

  private static ProcessorCharge fromCharge(Charge charge) {
    Money amount = money(charge.getAmount(), charge.getCurrency());
    ProcessorCharge.Status status = switch (String.valueOf(charge.getStatus())) {
      case "succeeded" -> Boolean.FALSE.equals(charge.getCaptured())
          ? ProcessorCharge.Status.PENDING : ProcessorCharge.Status.CAPTURED;
      case "failed" -> ProcessorCharge.Status.FAILED;
      default -> ProcessorCharge.Status.PENDING;
    };
    Money refunded = charge.getAmountRefunded() == null
        ? Money.zero(amount.currency()) : money(charge.getAmountRefunded(), charge.getCurrency());
    return new ProcessorCharge(charge.getId(), amount, status, refunded);
  }

  static ProcessorRefund toProcessorRefund(Refund refund, String askedFor) {
    return new ProcessorRefund(refund.getId(), chargeReferenceOf(refund, askedFor),
        money(refund.getAmount(), refund.getCurrency()), status(refund.getStatus()));
  }

  /** The reference the refund was asked for, when the refund names it (PaymentIntent or charge). */
  private static String chargeReferenceOf(Refund refund, String askedFor) {
    if (askedFor != null && (askedFor.equals(refund.getPaymentIntent()) || askedFor.equals(refund.getCharge()))) {
      return askedFor;
    }
    return refund.getPaymentIntent() != null ? refund.getPaymentIntent() : refund.getCharge();
  }

  /** Stripe's refund status: succeeded; pending and requires_action; failed and canceled. */
  public static ProcessorRefund.Status status(String stripeStatus) {
    return switch (String.valueOf(stripeStatus)) {
      case "succeeded" -> ProcessorRefund.Status.SUCCEEDED;
      case "failed", "canceled" -> ProcessorRefund.Status.FAILED;
      default -> ProcessorRefund.Status.PENDING;
    };
  }

  public static String metadataKey(Refund refund) {
    Map<String, String> metadata = refund.getMetadata();
    return metadata == null ? null : metadata.get(METADATA_KEY);
  }

  /** Stripe's amounts are in the currency's smallest unit, as Claimdesk's; its codes lower-case. */
  static Money money(Long amount, String currency) {
    return Money.of(amount == null ? 0 : amount, currency.toUpperCase(Locale.ROOT));
  }

  private interface StripeCall<T> {
    T run() throws StripeException;
  }

  /** Runs a call, turning the client's exceptions into the port's. */
  private static <T> T call(String what, StripeCall<T> call) {
    try {
      return call.run();
    } catch (IdempotencyException e) {
      if (Integer.valueOf(409).equals(e.getStatusCode())) {
        throw unavailable(what, e);
      }
      throw new ProcessorRefusedException(Reason.IDEMPOTENCY_KEY_REUSED, describe(what, e));
    } catch (InvalidRequestException e) {
      throw new ProcessorRefusedException(reasonOf(e), describe(what, e));
    } catch (StripeException e) {
      throw unavailable(what, e);
    }
  }

  private static Reason reasonOf(InvalidRequestException e) {
    String code = String.valueOf(e.getCode());
    if (Integer.valueOf(404).equals(e.getStatusCode()) || code.equals("resource_missing")) {
      return Reason.UNKNOWN_CHARGE;
    }
    return switch (code) {
      case "charge_already_refunded", "amount_too_large" -> Reason.AMOUNT_EXCEEDS_CHARGE;
      case "charge_not_captured", "payment_intent_unexpected_state" -> Reason.CHARGE_NOT_CAPTURED;
      default -> Reason.INVALID_REQUEST;
    };
  }

  private static ProcessorUnavailableException unavailable(String what, StripeException e) {
    return new ProcessorUnavailableException(describe(what, e), e);
  }

  /** What failed, in words: the kind of failure, the HTTP status, Stripe's code and request id. */
  private static String describe(String what, StripeException e) {
    String kind = e instanceof ApiConnectionException ? "no answer (timeout or connection failure)"
        : e instanceof RateLimitException ? "rate limited (HTTP 429) after its Retry-After"
        : e instanceof AuthenticationException || e instanceof PermissionException
            ? "the API key was refused (HTTP " + e.getStatusCode() + "); check CLAIMDESK_STRIPE_API_KEY"
        : "HTTP " + e.getStatusCode();
    StringBuilder text = new StringBuilder("The processor could not ").append(what).append(": ").append(kind);
    if (e.getCode() != null) {
      text.append(", code ").append(e.getCode());
    }
    if (e.getStripeError() != null && e.getStripeError().getMessage() != null) {
      text.append(", \"").append(e.getStripeError().getMessage()).append('"');
    }
    if (e.getRequestId() != null) {
      text.append(" (request ").append(e.getRequestId()).append(')');
    }
    return text.toString();
  }

  private static void requireComplete(RefundInstruction instruction) {
    if (instruction == null || StripeProperties.blank(instruction.idempotencyKey())
        || StripeProperties.blank(instruction.chargeReference()) || instruction.amount() == null
        || !instruction.amount().isPositive()) {
      throw new ProcessorRefusedException(Reason.INVALID_REQUEST,
          "a refund needs an idempotency key, a charge and a positive amount");
    }
  }
}
