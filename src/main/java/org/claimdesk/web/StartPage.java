package org.claimdesk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The start page's model ({@code templates/customer/start.html}): the four claim forms, each with
 * a fresh idempotency key (a hidden field: sending the same form twice files one case), or, after
 * a form sent without script came back, that form open with what the visitor typed, its field
 * errors (next to each field and in the form's summary), its answer (an unknown order, too many
 * requests, ...) and the key it was sent with; or the case already open on what the visitor
 * asked about.
 */
@Component
public class StartPage {

  public static final String VIEW = "customer/start";
  /** The hidden field of every claim form that carries its idempotency key. */
  public static final String KEY_FIELD = "idempotencyKey";
  /** The hidden field of every claim form that carries the page's language. */
  public static final String LANGUAGE_FIELD = "language";
  /** What the start page's script needs: its answers, the done panel and the field checks. */
  private static final String[] SCRIPT_TEXTS = {"start.send", "done.", "status.", "answer.", "invalid."};

  /** One form as the template draws it; {@code errors} by field name, {@code summary} in the form's order. */
  public record FormView(ClaimForms.Form form, String idempotencyKey, boolean open, Map<String, String> values,
      Map<String, String> errors, List<SummaryItem> summary, String answer) {
  }

  /** A line of a form's error summary: a link to its field ({@code href} {@code #id}), or text only. */
  public record SummaryItem(String href, String text) {
  }

  private final CustomerPageTexts texts;

  StartPage(CustomerPageTexts texts) {
    this.texts = texts;
  }

  /** The page as a first visit sees it. */
  public String blank(Model model, HttpServletRequest request, Locale language) {
    return render(model, request, language, null, Map.of(), List.of(), null, null);
  }

  /**
   * The page with one form open again: {@code problems} shown next to their fields and in its
   * summary, {@code answerKey} (or null) as the form's answer, the same idempotency key.
   */
  public String withProblems(Model model, HttpServletRequest request, Locale language, String formKey,
      Map<String, String> values, List<ClaimForms.Problem> problems, String answerKey, Object... answerArguments) {
    String answer = answerKey == null ? null : texts.text(language, answerKey, answerArguments);
    return render(model, request, language, formKey, values, problems, answer, null);
  }

  /** The page saying that a case about this is already open ({@code done.existing}). */
  public String existing(Model model, HttpServletRequest request, Locale language, String reference) {
    return render(model, request, language, null, Map.of(), List.of(), null, reference);
  }

  private String render(Model model, HttpServletRequest request, Locale language, String openForm,
      Map<String, String> values, List<ClaimForms.Problem> problems, String answer, String existing) {
    texts.preparePage(model, request, language, "/", Map.of(), SCRIPT_TEXTS);
    model.addAttribute("forms", ClaimForms.FORMS.stream()
        .map(form -> form.key().equals(openForm)
            ? view(form, language, values, problems, answer)
            : new FormView(form, newKey(), false, initialValues(form, language), Map.of(), List.of(), null))
        .toList());
    model.addAttribute("existing", existing);
    return VIEW;
  }

  private FormView view(ClaimForms.Form form, Locale language, Map<String, String> sent,
      List<ClaimForms.Problem> problems, String answer) {
    Map<String, String> values = new LinkedHashMap<>();
    form.fields().forEach(field -> values.put(field.name(), sent.getOrDefault(field.name(), "")));
    values.put(LANGUAGE_FIELD, ClaimForms.languageOf(language));
    Map<String, String> errors = new LinkedHashMap<>();
    List<SummaryItem> summary = problems.stream().map(problem -> {
      String text = texts.text(language, problem.key(), problem.arguments().toArray());
      if (problem.field() == null) {
        return new SummaryItem(null, text);
      }
      errors.putIfAbsent(problem.field(), text);
      ClaimForms.Field field = form.field(problem.field()).orElseThrow();
      String id = form.key() + "-" + field.name()
          + (field.kind() == ClaimForms.Kind.RADIO ? "-" + field.options().get(0) : "");
      return new SummaryItem("#" + id, text);
    }).toList();
    String key = sent.get(KEY_FIELD);
    return new FormView(form, key == null || key.isBlank() ? newKey() : key, true, values, errors, summary, answer);
  }

  private static Map<String, String> initialValues(ClaimForms.Form form, Locale language) {
    Map<String, String> values = new LinkedHashMap<>();
    form.fields().forEach(field -> values.put(field.name(), field.initial()));
    values.put(LANGUAGE_FIELD, ClaimForms.languageOf(language));
    return values;
  }

  /** A key in the form the page's script makes its own ({@code web-<uuid>}). */
  private static String newKey() {
    return "web-" + UUID.randomUUID();
  }
}
