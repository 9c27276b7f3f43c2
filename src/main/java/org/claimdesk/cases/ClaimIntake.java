package org.claimdesk.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every claim intake ({@code POST /api/refund-requests}, {@code /api/cancellation-requests},
 * ...) does once the request is checked and its subject found, in one straight line in the
 * feature's transaction: replay an {@code Idempotency-Key}, lock the subject's row so two claims
 * on it take turns, answer with the case already open on it, or open a case and start its process
 * (business key = reference) and answer with the case as the process left it. A refused request
 * (400, 409, 422) writes nothing; a started process always has its case.
 */
@Service
public class ClaimIntake {

  private static final Logger log = LoggerFactory.getLogger(ClaimIntake.class);

  /** The merchant table a claim's subject lives in; its row is locked while the claim is filed. */
  public enum SubjectTable {
    ORDER("shop_order"),
    SUBSCRIPTION("subscription"),
    PAYMENT("payment");

    private final String table;

    SubjectTable(String table) {
      this.table = table;
    }
  }

  /** What the claim is about, found for the claimant's email; the case is the customer's. */
  public record Subject(SubjectTable table, String id, String customerId) {

    public Subject {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(customerId, "customerId");
    }
  }

  /**
   * A checked claim, all of it known before it is filed: no callbacks into the feature.
   *
   * @param idempotencyScope the scope of the claim's {@code Idempotency-Key}s (one per endpoint)
   * @param requestHash the request as compared for a replayed key ({@link IdempotentRequests#requestHash})
   * @param description the first timeline entry, {@code CLAIM_FILED}
   * @param subject what the claim is about, found by the feature for the claimant (or its 422)
   * @param answerWhileProcessRuns whether, with no case of the type open on the subject, the latest
   *     case whose process still runs answers (200): for a claim type whose case may be final while
   *     its process still acts on the subject
   * @param startVariables the process's start variables besides {@code caseReference} and
   *     {@code policyProfile}, which the intake adds from the case it opens
   */
  public record Claim(CaseType type, String idempotencyScope, String requestHash, Locale language,
      String description, Subject subject, boolean answerWhileProcessRuns, VariableMap startVariables) {

    public Claim {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(idempotencyScope, "idempotencyScope");
      Objects.requireNonNull(requestHash, "requestHash");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(startVariables, "startVariables");
    }
  }

  /** The start variables every process reads: the case's reference and its policy profile. */
  public static final String CASE_REFERENCE = "caseReference";
  public static final String POLICY_PROFILE = "policyProfile";

  private final Validator validator;
  private final JdbcCaseService cases;
  private final IdempotentRequests idempotentRequests;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;

  ClaimIntake(Validator validator, JdbcCaseService cases, IdempotentRequests idempotentRequests,
      RuntimeService runtime, JdbcClient jdbc) {
    this.validator = validator;
    this.cases = cases;
    this.idempotentRequests = idempotentRequests;
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  /**
   * The request, already normalized, if its fields and the {@code Idempotency-Key} are good; else
   * a 400 naming every bad field (and a missing body).
   */
  public <T> T checked(T normalizedRequest, String idempotencyKey) {
    return checked(normalizedRequest, idempotencyKey, List.of());
  }

  /**
   * As {@link #checked(Object, String)}, with the problems of rules that span fields (an amount
   * required for one kind of report) named in the same answer.
   */
  public <T> T checked(T normalizedRequest, String idempotencyKey, List<FieldProblem> crossFieldProblems) {
    List<FieldProblem> problems = new ArrayList<>(crossFieldProblems);
    IdempotentRequests.checkKey(idempotencyKey).ifPresent(problems::add);
    if (normalizedRequest == null) {
      problems.add(new FieldProblem("", "the request body is required"));
    } else {
      problems.addAll(fieldProblems(validator.validate(normalizedRequest)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    return normalizedRequest;
  }

  /** One problem per violation, except that a missing value is named alone (not also as malformed). */
  public static <T> List<FieldProblem> fieldProblems(Set<ConstraintViolation<T>> violations) {
    Set<String> missing = violations.stream()
        .filter(ClaimIntake::isMissing)
        .map(v -> v.getPropertyPath().toString())
        .collect(Collectors.toSet());
    return violations.stream()
        .filter(v -> !missing.contains(v.getPropertyPath().toString()) || isMissing(v))
        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
        .toList();
  }

  private static boolean isMissing(ConstraintViolation<?> violation) {
    Object annotation = violation.getConstraintDescriptor().getAnnotation();
    return annotation instanceof NotNull || annotation instanceof NotBlank;
  }

  /**
   * Files a checked claim.
   *
   * @param idempotencyKey the {@code Idempotency-Key} header (already checked), or null
   * @throws IdempotencyKeyConflictException 409, the key came with another request
   */
  @Transactional
  public FiledClaim file(Claim claim, String idempotencyKey) {
    IdempotentRequests.Key key = idempotentRequests.keyOf(claim.idempotencyScope(), idempotencyKey);
    Optional<FiledClaim> replay = idempotentRequests.claimOrReplay(key, claim.requestHash());
    if (replay.isPresent()) {
      log.info("Idempotency-Key replayed: case {}, status {}", replay.get().reference(), replay.get().status());
      return replay.get();
    }
    Subject subject = claim.subject();
    lock(subject);
    FiledClaim filed = cases.findOpen(claim.type(), subject.id())
        .or(() -> claim.answerWhileProcessRuns() ? withRunningProcess(claim.type(), subject.id()) : Optional.empty())
        .map(FiledClaim::existing)
        .orElseGet(() -> openCase(claim, subject));
    idempotentRequests.remember(key, filed);
    return filed;
  }

  /** The most recent case of that type on the subject whose process is still running, final or not. */
  public Optional<CaseRecord> withRunningProcess(CaseType type, String subjectId) {
    return cases.casesOn(type, subjectId).stream()
        .filter(record -> runtime.createProcessInstanceQuery()
            .processDefinitionKey(type.processKey())
            .processInstanceBusinessKey(record.reference())
            .count() > 0)
        .findFirst();
  }

  private FiledClaim openCase(Claim claim, Subject subject) {
    JdbcCaseService.OpenedCase opened = cases.open(new JdbcCaseService.NewCase(claim.type(),
        subject.customerId(), subject.id(), claim.language(), claim.description()));
    String reference = opened.reference();
    try (MDC.MDCCloseable ignored = MDC.putCloseable("caseReference", reference)) {
      ProcessInstance instance = runtime.createProcessInstanceByKey(claim.type().processKey())
          .businessKey(reference)
          .setVariables(Variables.fromMap(claim.startVariables())
              .putValueTyped(CASE_REFERENCE, Variables.stringValue(reference))
              .putValueTyped(POLICY_PROFILE, Variables.stringValue(opened.policyProfile())))
          .execute();
      cases.setProcessInstanceId(reference, instance.getId());
      // the process may have decided at once: answer with the case as it is now
      CaseRecord current = cases.get(reference);
      log.info("{} filed on {}: case {} is {}", claim.type(), subject.id(), reference, current.status());
      return FiledClaim.created(current, opened.accessToken());
    }
  }

  /**
   * Locks the subject's row until the end of the transaction, so two claims on one subject take
   * turns and the second finds the first's case.
   */
  private void lock(Subject subject) {
    jdbc.sql("select id from claimdesk." + subject.table().table + " where id = :id for update")
        .param("id", subject.id())
        .query(String.class)
        .single();
  }

  /**
   * The HTTP answer to a filed claim: 201 with {@code Location} for a new case, 200 for the open
   * one, {@code Idempotent-Replayed: true} for a replay; never cached.
   */
  public static ResponseEntity<ClaimAnswer> answer(FiledClaim filed) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.valueOf(filed.status()))
        .cacheControl(CacheControl.noStore());
    if (filed.created()) {
      answer.location(UriComponentsBuilder.fromPath("/api/cases/{reference}").build(filed.reference()));
    }
    if (filed.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(filed.answer());
  }
}
