package org.claimdesk.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.claimdesk.commerce.Money;
import org.claimdesk.payment.ListedRefund;
import org.claimdesk.payment.ProcessorCharge;
import org.claimdesk.payment.ProcessorRefund;
import org.claimdesk.payment.ProcessorRefusedException;
import org.claimdesk.payment.ProcessorRefusedException.Reason;
import org.claimdesk.payment.ProcessorUnavailableException;
import org.claimdesk.payment.RefundInstruction;
import org.claimdesk.testsupport.FakeStripe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe adapter against a real HTTP server playing Stripe ({@link FakeStripe} on WireMock):
 * full and partial refunds, a repeated key, a lost answer, timeouts, 5xx, 429 with Retry-After,
 * refusals, a wrong API key, a refund that fails later, and charges read for investigations.
 */
class StripePaymentProcessorTest {

  /** The read timeout of the timeout tests; the others wait long enough for a loaded machine. */
  private static final Duration READ_TIMEOUT = Duration.ofMillis(1000);

  private FakeStripe stripe;
  private String charge;

  @BeforeEach
  void start() {
    stripe = new FakeStripe();
    charge = "pi_test_" + UUID.randomUUID().toString().replace("-", "");
    stripe.charge(charge, 9000, "EUR");
  }

  @AfterEach
  void stop() {
    stripe.close();
  }

  private StripePaymentProcessor processor(int maxAttempts, String apiKey, Duration readTimeout) {
    return new StripePaymentProcessor(new StripeProperties(stripe.baseUrl(), apiKey, "whsec_test",
        Duration.ofSeconds(5), readTimeout, maxAttempts, Duration.ofSeconds(3), Duration.ofMinutes(5), 100));
  }

  private StripePaymentProcessor processor(int maxAttempts, String apiKey) {
    return processor(maxAttempts, apiKey, Duration.ofSeconds(30));
  }

  private StripePaymentProcessor processor(int maxAttempts) {
    return processor(maxAttempts, FakeStripe.API_KEY);
  }

  private static RefundInstruction refund(String key, String charge, long amount) {
    return new RefundInstruction(key, charge, Money.of(amount, "EUR"), "Claimdesk case test");
  }

  @Test
  void partialAndFullRefundsCarryTheKeyAsIdempotencyKeyAndInTheMetadata() {
    StripePaymentProcessor processor = processor(3);

    ProcessorRefund part = processor.refund(refund("CD-AAAA1111:refund-1", charge, 4000));
    ProcessorRefund rest = processor.refund(refund("CD-AAAA1111:refund-2", charge, 5000));

    assertThat(part.status()).isEqualTo(ProcessorRefund.Status.SUCCEEDED);
    assertThat(part.amount()).isEqualTo(Money.of(4000, "EUR"));
    assertThat(part.chargeReference()).isEqualTo(charge);
    assertThat(rest.refundId()).isNotEqualTo(part.refundId());
    stripe.server().verify(postRequestedFor(urlPathEqualTo("/v1/refunds"))
        .withHeader("Idempotency-Key", equalTo("CD-AAAA1111:refund-1"))
        .withRequestBody(containing("payment_intent=" + charge))
        .withRequestBody(containing("amount=4000"))
        .withRequestBody(containing("metadata[claimdesk_idempotency_key]=CD-AAAA1111%3Arefund-1")
            .or(containing("metadata%5Bclaimdesk_idempotency_key%5D=CD-AAAA1111%3Arefund-1"))));
    assertThat(processor.findCharge(charge)).hasValue(
        new ProcessorCharge(charge, Money.of(9000, "EUR"), ProcessorCharge.Status.CAPTURED, Money.of(9000, "EUR")));
    assertThatThrownBy(() -> processor.refund(refund("CD-AAAA1111:refund-3", charge, 1)))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.AMOUNT_EXCEEDS_CHARGE));
    assertThat(stripe.refunds()).hasSize(2);
  }

  @Test
  void theSameKeyAgainIsFoundByItsMetadataAndMakesNoSecondRefund() {
    StripePaymentProcessor processor = processor(3);

    ProcessorRefund first = processor.refund(refund("CD-BBBB2222:refund", charge, 3000));
    ProcessorRefund again = processor.refund(refund("CD-BBBB2222:refund", charge, 3000));

    assertThat(again).isEqualTo(first);
    assertThat(stripe.refundRequests()).as("the second call found the refund, it did not ask again").isOne();
    assertThat(stripe.refundsWithKey("CD-BBBB2222:refund")).hasSize(1);
    assertThatThrownBy(() -> processor.refund(refund("CD-BBBB2222:refund", charge, 3100)))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED));
  }

  @Test
  void anAnswerLostToATimeoutIsFoundByTheRetryAndNothingIsRefundedTwice() {
    StripePaymentProcessor processor = processor(1, FakeStripe.API_KEY, READ_TIMEOUT);
    // The answer is held until the client has given up, however slowly a loaded machine serves it.
    java.util.concurrent.CountDownLatch clientGaveUp = new java.util.concurrent.CountDownLatch(1);
    stripe.afterRefundMade(refund -> {
      try {
        clientGaveUp.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    assertThatThrownBy(() -> processor.refund(refund("CD-CCCC3333:refund", charge, 2500)))
        .isInstanceOf(ProcessorUnavailableException.class)
        .hasMessageContaining("no answer (timeout");
    clientGaveUp.countDown();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(stripe.refunds()).as("the processor did refund").hasSize(1));

    stripe.afterRefundMade(refund -> { });
    ProcessorRefund retried = processor.refund(refund("CD-CCCC3333:refund", charge, 2500));

    assertThat(retried.refundId()).isEqualTo(stripe.refunds().get(0).id());
    assertThat(stripe.refundRequests()).isOne();
    assertThat(stripe.refunds()).hasSize(1);
  }

  @Test
  void aTimeoutIsAskedAgainWithTheSameKeyWithinTheCall() {
    // Five attempts: the first times out, the next meet the first still running (409) until it ends.
    StripePaymentProcessor processor = processor(5, FakeStripe.API_KEY, READ_TIMEOUT);
    stripe.afterRefundMade(refund -> {
      if (stripe.refundRequests() == 1) {
        pause(READ_TIMEOUT.plusMillis(700));
      }
    });

    ProcessorRefund refund = processor.refund(refund("CD-DDDD4444:refund", charge, 2500));

    assertThat(refund.status()).isEqualTo(ProcessorRefund.Status.SUCCEEDED);
    assertThat(stripe.refundRequests()).isGreaterThanOrEqualTo(2);
    assertThat(stripe.refunds()).hasSize(1);
    stripe.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")))
        .forEach(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo("CD-DDDD4444:refund"));
  }

  @Test
  void aServerErrorIsRetriedAndOneThatLastsBecomesProcessorUnavailable() {
    stripe.server().stubFor(post(urlPathEqualTo("/v1/refunds")).atPriority(1)
        .inScenario("5xx").whenScenarioStateIs(STARTED).willSetStateTo("recovered")
        .willReturn(stripeError(500, "api_error", "Something went wrong")));

    ProcessorRefund refund = processor(3).refund(refund("CD-EEEE5555:refund", charge, 1000));

    assertThat(refund.status()).isEqualTo(ProcessorRefund.Status.SUCCEEDED);
    assertThat(stripe.refunds()).hasSize(1);

    stripe.server().stubFor(post(urlPathEqualTo("/v1/refunds")).atPriority(1)
        .willReturn(stripeError(503, "api_error", "Service unavailable").withHeader("Request-Id", "req_down")));
    int before = stripe.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).size();

    assertThatThrownBy(() -> processor(3).refund(refund("CD-EEEE5555:refund-2", charge, 1000)))
        .isInstanceOf(ProcessorUnavailableException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("req_down")
        .hasMessageNotContaining(FakeStripe.API_KEY);
    assertThat(stripe.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).size() - before)
        .as("three attempts").isEqualTo(3);
    assertThat(stripe.refunds()).hasSize(1);
  }

  @Test
  void a429IsAskedAgainAfterItsRetryAfterAndALongerOneFailsAtOnce() {
    stripe.server().stubFor(post(urlPathEqualTo("/v1/refunds")).atPriority(1)
        .inScenario("429").whenScenarioStateIs(STARTED).willSetStateTo("calm")
        .willReturn(tooManyRequests("1")));
    long started = System.nanoTime();

    ProcessorRefund refund = processor(3).refund(refund("CD-FFFF6666:refund", charge, 1000));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(refund.status()).isEqualTo(ProcessorRefund.Status.SUCCEEDED);
    assertThat(stripe.refundRequests()).isOne();

    stripe.server().stubFor(post(urlPathEqualTo("/v1/refunds")).atPriority(1)
        .willReturn(tooManyRequests("120")));
    int before = stripe.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).size();

    assertThatThrownBy(() -> processor(3).refund(refund("CD-FFFF6666:refund-2", charge, 1000)))
        .isInstanceOf(ProcessorUnavailableException.class)
        .hasMessageContaining("HTTP 429");
    assertThat(stripe.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).size() - before)
        .as("a Retry-After beyond max-retry-after is not waited for").isOne();
    assertThat(stripe.refunds()).hasSize(1);
  }

  @Test
  void aRefundTheProcessorFailsLaterIsReportedFailedAndListedSo() {
    StripePaymentProcessor processor = processor(3);
    Instant before = Instant.now().minusSeconds(1);
    ProcessorRefund made = processor.refund(refund("CD-GGGG7777:refund", charge, 1500));

    stripe.failLater(made.refundId());

    assertThat(processor.refund(refund("CD-GGGG7777:refund", charge, 1500)).status())
        .isEqualTo(ProcessorRefund.Status.FAILED);
    List<ListedRefund> listed = processor.refundsCreated(before, Instant.now().plusSeconds(1));
    assertThat(listed).singleElement().satisfies(r -> {
      assertThat(r.refundId()).isEqualTo(made.refundId());
      assertThat(r.idempotencyKey()).isEqualTo("CD-GGGG7777:refund");
      assertThat(r.status()).isEqualTo(ProcessorRefund.Status.FAILED);
      assertThat(r.chargeReference()).isEqualTo(charge);
    });
    assertThat(stripe.refundRequests()).isOne();
  }

  @Test
  void unknownChargesAndAWrongKeyAreToldApart() {
    assertThat(processor(3).findCharge("pi_unknown")).isEmpty();
    assertThatThrownBy(() -> processor(3).refund(refund("CD-HHHH8888:refund", "ch_unknown", 100)))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CHARGE));
    String wrongKey = "sk_test_wrong_" + UUID.randomUUID();
    assertThatThrownBy(() -> processor(3, wrongKey).refund(refund("CD-HHHH8888:refund", charge, 100)))
        .isInstanceOf(ProcessorUnavailableException.class)
        .hasMessageContaining("CLAIMDESK_STRIPE_API_KEY")
        .hasMessageNotContaining(wrongKey);
    assertThatThrownBy(() -> processor(3, " "))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLAIMDESK_STRIPE_API_KEY");
    assertThat(stripe.refunds()).isEmpty();
  }

  private static ResponseDefinitionBuilder stripeError(int status, String type, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}");
  }

  private static ResponseDefinitionBuilder tooManyRequests(String retryAfter) {
    return stripeError(429, "invalid_request_error", "Too many requests").withHeader("Retry-After", retryAfter);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
