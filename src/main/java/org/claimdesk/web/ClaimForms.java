package org.claimdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The start page's four claim forms, each field named once with the rule that checks it: the
 * template draws the fields from here (label, hint, control with its {@code data-rule},
 * {@code maxlength} and {@code required} for the page's script), and the server checks a form
 * sent without script by the same rules, with the same words, as {@code validation.js} does in the
 * browser ({@link #problems}). The API behind each form checks the request again.
 */
public final class ClaimForms {

  /** How a field is drawn. */
  public enum Kind { TEXT, AREA, CHOICE, RADIO, CHECK }

  /**
   * One field. {@code rule}: id, email, text, amount or choice ({@code validation.js});
   * {@code whenKind}: asked only when the form's {@code kind} is that value; {@code options}: the
   * values of a choice, each with the text {@code <optionPrefix>.<value>}.
   */
  public record Field(String name, Kind kind, String type, String rule, boolean required, int maxLength,
      String autocomplete, String whenKind, List<String> options, String optionPrefix, String initial) {

    static Field text(String name, String type, String rule, int maxLength, String autocomplete) {
      return new Field(name, Kind.TEXT, type, rule, true, maxLength, autocomplete, null, List.of(), null, "");
    }

    static Field area(String name, int maxLength) {
      return new Field(name, Kind.AREA, null, "text", true, maxLength, null, null, List.of(), null, "");
    }

    static Field choice(String name, String prefix, String... options) {
      return new Field(name, Kind.CHOICE, null, "choice", true, 0, null, null, List.of(options), prefix, "");
    }

    Field when(String kindValue) {
      return new Field(name, kind, type, rule, required, maxLength, autocomplete, kindValue, options, optionPrefix,
          initial);
    }
  }

  /**
   * A form: posted to {@code action} by the browser without script, sent as JSON to the API's
   * {@code endpoint} by the script; {@code subject} names the field an unknown subject is told on.
   */
  public record Form(String key, String action, String endpoint, String subject, List<Field> fields) {

    public Optional<Field> field(String name) {
      return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
  }

  /** A field's problem as the page shows it: the field ({@code null}: the form as a whole) and its text key. */
  public record Problem(String field, String key, List<Object> arguments) {

    static Problem of(String field, String key, Object... arguments) {
      return new Problem(field, key, List.of(arguments));
    }
  }

  public static final List<Form> FORMS = List.of(
      new Form("refund", "/claims/refund", "/api/refund-requests", "orderId", List.of(
          Field.text("orderId", "text", "id", 64, "off"),
          Field.text("email", "email", "email", 254, "email"),
          Field.choice("reason", "reason", "NOT_DELIVERED", "NOT_AS_DESCRIBED", "SERVICE_ISSUE", "BILLING_ERROR",
              "CHANGED_MIND", "OTHER"),
          Field.area("description", 4000))),
      new Form("cancellation", "/claims/cancellation", "/api/cancellation-requests", "subscriptionId", List.of(
          Field.text("subscriptionId", "text", "id", 64, "off"),
          Field.text("email", "email", "email", 254, "email"),
          new Field("mode", Kind.RADIO, null, "choice", true, 0, null, null, List.of("END_OF_CYCLE", "IMMEDIATE"),
              "mode", "END_OF_CYCLE"),
          new Field("refundRequested", Kind.CHECK, null, null, false, 0, null, null, List.of(), null, ""),
          Field.choice("reason", "reason", "BILLING_ERROR", "SERVICE_ISSUE", "NO_LONGER_NEEDED", "OTHER"))),
      new Form("discrepancy", "/claims/discrepancy", "/api/discrepancy-reports", "paymentId", List.of(
          Field.text("paymentId", "text", "id", 64, "off"),
          Field.text("email", "email", "email", 254, "email"),
          Field.choice("kind", "kind", "DUPLICATE_CHARGE", "AMOUNT_MISMATCH", "UNAUTHORIZED", "NOT_RECOGNIZED",
              "OTHER"),
          Field.text("expectedAmount", "text", "amount", 16, "off").when("AMOUNT_MISMATCH"),
          Field.area("description", 4000))),
      new Form("wallet", "/claims/wallet", "/api/wallet-recharge-issues", "orderId", List.of(
          Field.text("orderId", "text", "id", 64, "off"),
          Field.text("payerName", "text", "text", 200, "name"),
          Field.text("email", "email", "email", 254, "email"))));

  private static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** Control characters other than tab, line feed and carriage return. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}([.,]\\d{1,2})?");

  private ClaimForms() {
  }

  public static Optional<Form> form(String key) {
    return FORMS.stream().filter(form -> form.key().equals(key)).findFirst();
  }

  /** Whether the field is asked for, given what the form holds ({@code whenKind}). */
  public static boolean asked(Field field, Map<String, String> values) {
    return field.whenKind() == null || field.whenKind().equals(value(values, "kind"));
  }

  /** The value as sent, trimmed; empty when absent. */
  public static String value(Map<String, String> values, String name) {
    String value = values.get(name);
    return value == null ? "" : value.strip();
  }

  /** The problems of every field asked for, in the form's order: what the page's script finds before it sends. */
  public static List<Problem> problems(Form form, Map<String, String> values) {
    List<Problem> problems = new ArrayList<>();
    for (Field field : form.fields()) {
      if (asked(field, values)) {
        problemOf(field, value(values, field.name())).ifPresent(problems::add);
      }
    }
    return problems;
  }

  /** The rules of {@code validation.js}'s {@code problemOf}, and a required radio group answered. */
  static Optional<Problem> problemOf(Field field, String value) {
    String name = field.name();
    if (field.kind() == Kind.CHECK) {
      return Optional.empty();
    }
    if (field.required() && "choice".equals(field.rule()) && value.isEmpty()) {
      return Optional.of(Problem.of(name, "invalid.choice"));
    }
    if (field.required() && value.isEmpty()) {
      return Optional.of(Problem.of(name, "invalid.required"));
    }
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (field.maxLength() > 0 && value.length() > field.maxLength()) {
      return Optional.of(Problem.of(name, "invalid.tooLong", field.maxLength()));
    }
    boolean good = switch (field.rule() == null ? "" : field.rule()) {
      case "id" -> SHOP_ID.matcher(value).matches();
      case "email" -> EMAIL.matcher(value).matches();
      case "text" -> !CONTROL.matcher(value).find();
      case "amount" -> AMOUNT.matcher(value).matches() && minorUnits(value) > 0;
      default -> true;
    };
    if (good) {
      return Optional.empty();
    }
    return Optional.of(Problem.of(name, switch (field.rule()) {
      case "id" -> "invalid.id";
      case "email" -> "invalid.email";
      case "text" -> "invalid.controlCharacters";
      default -> "invalid.amount";
    }));
  }

  /**
   * The API's field problems as the page shows them ({@code validation.js}'s
   * {@code serverProblems}): on a field of the form, that field's own rule when it finds the
   * fault, else "the server did not accept it"; a problem of no field of the form shows in the
   * summary only.
   */
  public static List<Problem> serverProblems(Form form, Map<String, String> values, List<FieldProblem> problems) {
    List<Problem> shown = new ArrayList<>();
    for (FieldProblem problem : problems) {
      String name = problem.field().replaceFirst("\\[\\d+]$", "");
      Optional<Field> field = form.field(name);
      Problem own = field.flatMap(f -> problemOf(f, value(values, name))).orElse(null);
      Problem next = own != null ? own : Problem.of(field.isPresent() ? name : null, "invalid.server");
      if (!shown.contains(next)) {
        shown.add(next);
      }
    }
    return shown;
  }

  /** "49.90" or "49,90" in minor units (4990), as the page asks for amounts: at most two decimals. */
  public static long minorUnits(String text) {
    String[] parts = text.strip().replace(',', '.').split("\\.", -1);
    String fraction = (parts.length > 1 ? parts[1] : "") + "00";
    return Long.parseLong(parts[0]) * 100 + Long.parseLong(fraction.substring(0, 2));
  }

  /** The page's language as the forms send it ({@code en} or {@code fr}). */
  public static String languageOf(Locale language) {
    return PageLanguage.supported(language.getLanguage()).getLanguage();
  }
}
