package org.claimdesk.refund;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.cases.IdempotentRequests;
import org.claimdesk.cases.JdbcCaseService;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.UnprocessableRecordException;
import org.claimdesk.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a refund request: checks the request, finds the order of that email, and either answers
 * with the open refund case of that order or opens a case and starts {@code refund-request} for
 * it, all in one transaction, so a refused request (400, 409, 422) writes nothing and a started
 * process always has its case.
 */
@Service
class RefundIntake {

  static final String IDEMPOTENCY_SCOPE = "refund-requests";

  private static final Logger log = LoggerFactory.getLogger(RefundIntake.class);

  private final Validator validator;
  private final OrderService orders;
  private final JdbcCaseService cases;
  private final IdempotentRequests idempotentRequests;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;

  RefundIntake(Validator validator, OrderService orders, JdbcCaseService cases,
      IdempotentRequests idempotentRequests, RuntimeService runtime, JdbcClient jdbc) {
    this.validator = validator;
    this.orders = orders;
    this.cases = cases;
    this.idempotentRequests = idempotentRequests;
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  /**
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @throws InvalidRecordException 400, bad fields or a malformed key
   * @throws org.claimdesk.cases.IdempotencyKeyConflictException 409, the key came with another request
   * @throws UnprocessableRecordException 422, no such order for that email
   */
  @Transactional
  public FiledClaim file(RefundRequest request, String idempotencyKey) {
    RefundRequest claim = check(request, idempotencyKey);
    String requestHash = IdempotentRequests.requestHash(request.orderId(), request.email(), request.reason(),
        request.description(), request.language());
    Optional<FiledClaim> replay = idempotentRequests.claimOrReplay(IDEMPOTENCY_SCOPE, idempotencyKey, requestHash);
    if (replay.isPresent()) {
      log.info("Idempotency-Key replayed: case {}, status {}", replay.get().reference(), replay.get().status());
      return replay.get();
    }
    Order order = orderOf(claim);
    lockOrder(order.id());
    FiledClaim filed = cases.findOpen(CaseType.REFUND_REQUEST, order.id())
        .map(FiledClaim::existing)
        .orElseGet(() -> openCase(claim, order));
    idempotentRequests.remember(IDEMPOTENCY_SCOPE, idempotencyKey, filed);
    return filed;
  }

  private FiledClaim openCase(RefundRequest claim, Order order) {
    JdbcCaseService.OpenedCase opened = cases.open(new JdbcCaseService.NewCase(CaseType.REFUND_REQUEST,
        order.customer().id(), order.id(), Locale.forLanguageTag(claim.language()), claim.description()));
    String reference = opened.reference();
    try (MDC.MDCCloseable ignored = MDC.putCloseable("caseReference", reference)) {
      CaseRecord created = cases.get(reference);
      ProcessInstance instance = runtime.createProcessInstanceByKey(RefundProcess.KEY)
          .businessKey(reference)
          .setVariables(Variables.createVariables()
              .putValueTyped(RefundProcess.CASE_REFERENCE, Variables.stringValue(reference))
              .putValueTyped(RefundProcess.ORDER_ID, Variables.stringValue(order.id()))
              .putValueTyped(RefundProcess.REASON, Variables.stringValue(claim.reason()))
              .putValueTyped(RefundProcess.CLAIM_DESCRIPTION, Variables.stringValue(claim.description()))
              .putValueTyped(RefundProcess.POLICY_PROFILE, Variables.stringValue(created.policyProfile())))
          .execute();
      cases.setProcessInstanceId(reference, instance.getId());
      // the process may have moved the case on already (refused at once): answer with it as it is now
      CaseRecord current = cases.get(reference);
      log.info("Refund request filed on order {}: case {} is {}", order.id(), reference, current.status());
      return FiledClaim.created(current, opened.accessToken());
    }
  }

  /** 400 naming every bad field and a malformed {@code Idempotency-Key}; the request as it is compared. */
  private RefundRequest check(RefundRequest request, String idempotencyKey) {
    List<FieldProblem> problems = new ArrayList<>();
    IdempotentRequests.checkKey(idempotencyKey).ifPresent(problems::add);
    RefundRequest claim = request == null ? null : request.normalized();
    if (claim == null) {
      problems.add(new FieldProblem("", "the request body is required"));
    } else {
      problems.addAll(fieldProblems(validator.validate(claim)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    return claim;
  }

  /** One problem per violation, except that a missing value is named alone (not also as malformed). */
  static List<FieldProblem> fieldProblems(Set<ConstraintViolation<RefundRequest>> violations) {
    Set<String> missing = violations.stream()
        .filter(v -> v.getConstraintDescriptor().getAnnotation() instanceof NotNull
            || v.getConstraintDescriptor().getAnnotation() instanceof NotBlank)
        .map(v -> v.getPropertyPath().toString())
        .collect(Collectors.toSet());
    return violations.stream()
        .filter(v -> !missing.contains(v.getPropertyPath().toString())
            || v.getConstraintDescriptor().getAnnotation() instanceof NotNull
            || v.getConstraintDescriptor().getAnnotation() instanceof NotBlank)
        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
        .toList();
  }

  /**
   * The order, if it was placed by the customer with that email (trimmed, case-insensitive);
   * otherwise one 422 for both an unknown order and a wrong email, so neither is revealed.
   */
  private Order orderOf(RefundRequest claim) {
    Optional<Order> order = orders.findOrder(claim.orderId());
    String email = claim.email().toLowerCase(Locale.ROOT);
    boolean matches = order.map(o -> o.customer().email().strip().toLowerCase(Locale.ROOT).equals(email))
        .orElse(false);
    if (!matches) {
      throw new UnprocessableRecordException(List.of(
          new FieldProblem("orderId", "no order with this id was placed with this email address"),
          new FieldProblem("email", "no order with this id was placed with this email address")));
    }
    return order.get();
  }

  /**
   * Locks the order's row until the end of the transaction, so two claims on one order take
   * turns and the second finds the first's case (one open case per order).
   */
  private void lockOrder(String orderId) {
    jdbc.sql("select id from claimdesk.shop_order where id = :id for update")
        .param("id", orderId)
        .query(String.class)
        .single();
  }
}
