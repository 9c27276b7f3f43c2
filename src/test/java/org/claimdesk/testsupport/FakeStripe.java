package org.claimdesk.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A Stripe-compatible processor for the tests: a real HTTP server (WireMock) whose
 * {@code /v1/...} answers come from an in-memory account, as Stripe's API answers:
 * <ul>
 *   <li>{@code GET /v1/payment_intents/{id}} (with {@code latest_charge}) and {@code GET /v1/charges/{id}}
 *       for the charges a test registered ({@link #charge});
 *   <li>{@code POST /v1/refunds}: one refund per {@code Idempotency-Key}; the same key again answers
 *       the same refund, with other parameters 400 {@code idempotency_error}, while the first request
 *       is still running 409; more than is left on the charge 400 {@code amount_too_large};
 *   <li>{@code GET /v1/refunds} filtered by {@code payment_intent}, {@code charge}, {@code created[gte|lt]}.
 * </ul>
 * A wrong API key answers 401. Tests add WireMock stubs of a higher priority (timeouts, 5xx, 429)
 * in front of it with {@link #server()}.
 */
public final class FakeStripe implements AutoCloseable {

  public static final String API_KEY = "sk_test_fake_" + Long.toHexString(System.nanoTime());

  /** A refund as the fake keeps it. */
  public record FakeRefund(String id, String idempotencyKey, String chargeReference, long amount,
      String currency, String status, Map<String, String> metadata, long created) {
  }

  private record FakeCharge(String id, long amount, String currency) {
  }

  private final WireMockServer server;
  private final Map<String, FakeCharge> charges = new ConcurrentHashMap<>();
  private final Map<String, FakeRefund> refundsByKey = new LinkedHashMap<>();
  private final Map<String, String> requestsByKey = new HashMap<>();
  private final Set<String> inFlight = new HashSet<>();
  private final AtomicInteger refundPosts = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Consumer<FakeRefund> afterRefundMade = refund -> { };

  public FakeStripe() {
    server = new WireMockServer(options().dynamicPort().containerThreads(40).extensions(new Api()));
    server.start();
    server.stubFor(any(urlPathMatching("/v1/.*")).atPriority(100)
        .willReturn(aResponse().withTransformers(Api.NAME)));
  }

  public WireMockServer server() {
    return server;
  }

  /** The base URL to configure as {@code claimdesk.payment.stripe.api-base}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Registers a captured charge (a {@code pi_...} PaymentIntent or a {@code ch_...} charge). */
  public void charge(String reference, long amount, String currency) {
    charges.put(reference, new FakeCharge(reference, amount, currency.toLowerCase()));
  }

  /** Runs after a refund is made and before its answer is sent (the answer waits for it). */
  public void afterRefundMade(Consumer<FakeRefund> hook) {
    this.afterRefundMade = hook;
  }

  /** How many refund requests (POST) arrived, answered or not. */
  public int refundRequests() {
    return refundPosts.get();
  }

  public synchronized List<FakeRefund> refunds() {
    return List.copyOf(refundsByKey.values());
  }

  public synchronized List<FakeRefund> refundsWithKey(String key) {
    return refundsByKey.values().stream().filter(r -> key.equals(r.idempotencyKey())).toList();
  }

  /** The refund fails after it succeeded, as a bank may return it days later. */
  public synchronized FakeRefund failLater(String refundId) {
    for (Map.Entry<String, FakeRefund> entry : refundsByKey.entrySet()) {
      FakeRefund r = entry.getValue();
      if (r.id().equals(refundId)) {
        FakeRefund failed = new FakeRefund(r.id(), r.idempotencyKey(), r.chargeReference(), r.amount(),
            r.currency(), "failed", r.metadata(), r.created());
        entry.setValue(failed);
        return failed;
      }
    }
    throw new IllegalArgumentException("no refund " + refundId);
  }

  /** The JSON of a refund, as Stripe writes it (for webhook events). */
  public static String json(FakeRefund r) {
    StringBuilder metadata = new StringBuilder("{");
    r.metadata().forEach((k, v) -> metadata.append(metadata.length() > 1 ? "," : "")
        .append(quote(k)).append(':').append(quote(v)));
    metadata.append('}');
    String link = r.chargeReference().startsWith("pi_")
        ? "\"payment_intent\":" + quote(r.chargeReference()) + ",\"charge\":null"
        : "\"charge\":" + quote(r.chargeReference()) + ",\"payment_intent\":null";
    return "{\"id\":" + quote(r.id()) + ",\"object\":\"refund\",\"amount\":" + r.amount()
        + ",\"currency\":" + quote(r.currency()) + "," + link + ",\"status\":" + quote(r.status())
        + (r.status().equals("failed") ? ",\"failure_reason\":\"expired_or_canceled_card\"" : "")
        + ",\"metadata\":" + metadata + ",\"created\":" + r.created() + "}";
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Api implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-stripe";

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      if (!("Bearer " + API_KEY).equals(request.getHeader("Authorization"))) {
        return error(401, "invalid_request_error", "api_key_invalid", "Invalid API Key provided");
      }
      String path = request.getUrl().replaceFirst("\\?.*$", "");
      String method = request.getMethod().getName();
      if (method.equals("POST") && path.equals("/v1/refunds")) {
        return createRefund(request);
      }
      if (method.equals("GET") && path.equals("/v1/refunds")) {
        return listRefunds(request);
      }
      if (method.equals("GET") && path.startsWith("/v1/payment_intents/")) {
        return chargeAnswer(path.substring("/v1/payment_intents/".length()), true);
      }
      if (method.equals("GET") && path.startsWith("/v1/charges/")) {
        return chargeAnswer(path.substring("/v1/charges/".length()), false);
      }
      return error(404, "invalid_request_error", null, "Unrecognized request URL");
    }

    private ResponseDefinition createRefund(Request request) {
      refundPosts.incrementAndGet();
      String key = request.getHeader("Idempotency-Key");
      Map<String, String> form = form(request.getBodyAsString());
      String charge = form.containsKey("payment_intent") ? form.get("payment_intent") : form.get("charge");
      String fingerprint = charge + "/" + form.get("amount");
      FakeRefund made;
      synchronized (FakeStripe.this) {
        if (key != null && inFlight.contains(key)) {
          return error(409, "idempotency_error", null,
              "There is currently another in-progress request using this Idempotent Key.");
        }
        if (key != null && refundsByKey.containsKey(key)) {
          if (!fingerprint.equals(requestsByKey.get(key))) {
            return error(400, "idempotency_error", null,
                "Keys for idempotent requests can only be used with the same parameters they were first used with.");
          }
          return json(200, FakeStripe.json(refundsByKey.get(key)));
        }
        FakeCharge known = charge == null ? null : charges.get(charge);
        if (known == null) {
          return error(400, "invalid_request_error", "resource_missing", "No such charge: '" + charge + "'");
        }
        long amount = Long.parseLong(form.getOrDefault("amount", String.valueOf(known.amount())));
        if (amount > known.amount() - refundedOn(charge)) {
          return error(400, "invalid_request_error", "amount_too_large",
              "Refund amount is greater than unrefunded amount on charge");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((k, v) -> {
          if (k.startsWith("metadata[") && k.endsWith("]")) {
            metadata.put(k.substring("metadata[".length(), k.length() - 1), v);
          }
        });
        String storedKey = key != null ? key : "none-" + ids.get();
        made = new FakeRefund("re_fake_" + ids.incrementAndGet(), storedKey, charge, amount, known.currency(),
            "succeeded", metadata, Instant.now().getEpochSecond());
        refundsByKey.put(storedKey, made);
        requestsByKey.put(storedKey, fingerprint);
        inFlight.add(storedKey);
      }
      try {
        afterRefundMade.accept(made);
      } finally {
        synchronized (FakeStripe.this) {
          inFlight.remove(made.idempotencyKey());
        }
      }
      return json(200, FakeStripe.json(made));
    }

    private ResponseDefinition listRefunds(Request request) {
      String intent = query(request, "payment_intent");
      String charge = query(request, "charge");
      String gte = query(request, "created[gte]");
      String lt = query(request, "created[lt]");
      List<String> data = new ArrayList<>();
      synchronized (FakeStripe.this) {
        for (FakeRefund r : refundsByKey.values()) {
          if ((intent == null || intent.equals(r.chargeReference()))
              && (charge == null || charge.equals(r.chargeReference()))
              && (gte == null || r.created() >= Long.parseLong(gte))
              && (lt == null || r.created() < Long.parseLong(lt))) {
            data.add(FakeStripe.json(r));
          }
        }
      }
      return json(200, "{\"object\":\"list\",\"url\":\"/v1/refunds\",\"has_more\":false,\"data\":["
          + String.join(",", data) + "]}");
    }

    private ResponseDefinition chargeAnswer(String id, boolean paymentIntent) {
      FakeCharge charge = charges.get(id);
      if (charge == null) {
        return error(404, "invalid_request_error", "resource_missing", "No such charge: '" + id + "'");
      }
      long refunded;
      synchronized (FakeStripe.this) {
        refunded = refundedOn(id);
      }
      String chargeJson = "{\"id\":" + quote(paymentIntent ? "ch_of_" + id : id) + ",\"object\":\"charge\",\"amount\":"
          + charge.amount() + ",\"amount_refunded\":" + refunded + ",\"captured\":true,\"currency\":"
          + quote(charge.currency()) + ",\"status\":\"succeeded\",\"refunded\":" + (refunded == charge.amount()) + "}";
      if (!paymentIntent) {
        return json(200, chargeJson);
      }
      return json(200, "{\"id\":" + quote(id) + ",\"object\":\"payment_intent\",\"amount\":" + charge.amount()
          + ",\"amount_received\":" + charge.amount() + ",\"currency\":" + quote(charge.currency())
          + ",\"status\":\"succeeded\",\"latest_charge\":" + chargeJson + "}");
    }

    private long refundedOn(String charge) {
      return refundsByKey.values().stream()
          .filter(r -> r.chargeReference().equals(charge) && !r.status().equals("failed"))
          .mapToLong(FakeRefund::amount).sum();
    }
  }

  private static String query(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(name, value);
    }
    return form;
  }

  private static ResponseDefinition json(int status, String body) {
    return aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_fake_" + System.nanoTime())
        .withBody(body).build();
  }

  private static ResponseDefinition error(int status, String type, String code, String message) {
    return json(status, "{\"error\":{\"type\":" + quote(type) + (code == null ? "" : ",\"code\":" + quote(code))
        + ",\"message\":" + quote(message) + "}}");
  }

  private static String quote(String value) {
    return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
