package org.claimdesk.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.web.CustomerPageTexts;
import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.PageLanguage;
import org.claimdesk.web.StartPage;
import org.claimdesk.web.ClaimForms;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The case page, {@code GET /cases/{reference}?token=...} (the private link of every email),
 * rendered on the server ({@code templates/customer/case.html}) from the customer's view of the
 * case with exactly the API's authorization ({@link CustomerCases}): an unknown reference, a
 * wrong token and no token all answer the same {@code 404} page, which tells nothing apart.
 *
 * <p>The page's actions are forms posted back with the token in a hidden field:
 * {@code POST .../offer/accept}, {@code .../offer/decline}, {@code .../withdraw},
 * {@code .../feedback} ({@code application/x-www-form-urlencoded}: {@code satisfied},
 * {@code comment}) and {@code .../evidence} ({@code multipart/form-data}: {@code file}, one or
 * more). Each is answered {@code 303 See Other} back to the page (Post/Redirect/Get) with
 * {@code notice} naming what happened ({@code offer-accepted}, ..., {@code not-waiting} when the
 * case no longer waits for it); a field error renders the page again ({@code 400}) with the error
 * next to its field, in the page's words. {@code GET .../documents/{id}?token=...} downloads a
 * document of the case, as the API does with the token header.
 */
@Controller
class CustomerCasePage {

  static final String VIEW = "customer/case";
  static final String TOKEN = "token";
  static final String NOTICE = "notice";

  /** The customer's own timeline entries (the others are the service's). */
  private static final Set<String> CUSTOMER_KINDS = Set.of("CLAIM_FILED", "EVIDENCE_RECEIVED", "OFFER_ACCEPTED",
      "OFFER_DECLINED", "FEEDBACK_RECEIVED", "WITHDRAWAL");
  /** The notices a redirect may name, and their texts; {@code not-waiting} is an error. */
  private static final Map<String, String> NOTICES = Map.of(
      "offer-accepted", "case.offer.accepted",
      "offer-declined", "case.offer.declined",
      "withdrawn", "case.withdraw.done",
      "feedback-sent", "case.feedback.sent",
      "evidence-sent", "case.evidence.sent",
      "not-waiting", "case.notWaiting");
  /** The control each form field's error links to. */
  private static final Map<String, String> FIELD_ANCHORS = Map.of("satisfied", "feedback-yes",
      "comment", "feedback-comment", "file", "evidence-file");
  /** What the case page's script needs: its notices and confirmations, answers, field checks. */
  private static final String[] SCRIPT_TEXTS = {"case.offer.declineConfirm", "case.offer.accepted",
      "case.offer.declined", "case.withdraw.confirm", "case.withdraw.done", "case.feedback.sent", "case.evidence.sent",
      "case.notWaiting", "answer.", "invalid."};
  /** As the evidence form says (field.file.hint) and the multipart limits hold. */
  private static final Set<String> EVIDENCE_TYPES = Set.of("image/png", "image/jpeg", "application/pdf", "text/plain");
  private static final long MAX_FILE = 10L * 1024 * 1024;
  private static final long MAX_REQUEST = 12L * 1024 * 1024;

  /** The case as the page shows it, every text in the page's language. */
  record CasePageView(String reference, String token, String type, String status, String statusWord,
      String statusText, String outcome, String opened, String replyBy, Offer offer, boolean feedback,
      boolean withdraw, boolean evidence, List<Document> documents, List<Entry> timeline) {
  }

  record Offer(String what, String description) {
  }

  record Document(String label, String href, String when) {
  }

  record Entry(String kind, boolean fromCustomer, String who, String at, String when, String message) {
  }

  private final CustomerCases customerCases;
  private final CustomerPageTexts texts;

  CustomerCasePage(CustomerCases customerCases, CustomerPageTexts texts) {
    this.customerCases = customerCases;
    this.texts = texts;
  }

  @GetMapping("/cases/{reference}")
  ModelAndView page(@PathVariable String reference, @RequestParam(name = TOKEN, required = false) String token,
      @RequestParam(name = NOTICE, required = false) String notice, HttpServletRequest request, Model model) {
    return render(reference, token, notice, List.of(), Map.of(), request, model, HttpStatus.OK);
  }

  @GetMapping(path = "/cases/{reference}/documents/{id}", produces = MediaType.ALL_VALUE)
  ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable String id,
      @RequestParam(name = TOKEN, required = false) String token) {
    CaseDocuments.DocumentContent document = customerCases.document(reference, token, id);
    return Downloads.attachment(document.document().fileName(), document.document().contentType(),
        document.content());
  }

  @PostMapping(path = "/cases/{reference}/offer/accept", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ModelAndView acceptOffer(@PathVariable String reference, @RequestParam Map<String, String> form,
      HttpServletRequest request, Model model) {
    return act(reference, form, request, model, () -> customerCases.acceptOffer(reference, form.get(TOKEN)),
        "offer-accepted");
  }

  @PostMapping(path = "/cases/{reference}/offer/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ModelAndView declineOffer(@PathVariable String reference, @RequestParam Map<String, String> form,
      HttpServletRequest request, Model model) {
    return act(reference, form, request, model, () -> customerCases.declineOffer(reference, form.get(TOKEN)),
        "offer-declined");
  }

  @PostMapping(path = "/cases/{reference}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ModelAndView withdraw(@PathVariable String reference, @RequestParam Map<String, String> form,
      HttpServletRequest request, Model model) {
    return act(reference, form, request, model, () -> customerCases.withdraw(reference, form.get(TOKEN)),
        "withdrawn");
  }

  /** {@code satisfied} ({@code true}/{@code false}) required, {@code comment} optional: the API's rules and words. */
  @PostMapping(path = "/cases/{reference}/feedback", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ModelAndView giveFeedback(@PathVariable String reference, @RequestParam Map<String, String> form,
      HttpServletRequest request, Model model) {
    String satisfied = form.getOrDefault("satisfied", "");
    String comment = form.getOrDefault("comment", "").strip();
    List<ClaimForms.Problem> errors = new ArrayList<>();
    if (!satisfied.equals("true") && !satisfied.equals("false")) {
      errors.add(new ClaimForms.Problem("satisfied", "invalid.choice", List.of()));
    }
    commentProblem(comment).ifPresent(errors::add);
    if (!errors.isEmpty()) {
      return render(reference, form.get(TOKEN), null, errors, form, request, model, HttpStatus.BAD_REQUEST);
    }
    return act(reference, form, request, model, () -> customerCases.giveFeedback(reference, form.get(TOKEN),
        new CustomerCases.FeedbackRequest(Boolean.valueOf(satisfied), comment.isEmpty() ? null : comment)),
        "feedback-sent");
  }

  /** One or more files in {@code file}; the page's checks first (type, size), then the API's. */
  @PostMapping(path = "/cases/{reference}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ModelAndView addEvidence(@PathVariable String reference, @RequestParam(name = TOKEN, required = false) String token,
      @RequestParam(name = PageLanguage.PARAMETER, required = false) String lang,
      @RequestParam(name = "file", required = false) List<MultipartFile> files, HttpServletRequest request,
      Model model) {
    List<MultipartFile> chosen = files == null ? List.of()
        : files.stream().filter(file -> !file.isEmpty() || !isBlank(file.getOriginalFilename())).toList();
    Map<String, String> form = new LinkedHashMap<>();
    form.put(TOKEN, token);
    if (lang != null) {
      form.put(PageLanguage.PARAMETER, lang);
    }
    Optional<ClaimForms.Problem> problem = evidenceProblem(chosen);
    if (problem.isPresent()) {
      return render(reference, token, null, List.of(problem.get()), form, request, model, HttpStatus.BAD_REQUEST);
    }
    List<EvidenceUpload> uploads = chosen.stream()
        .map(file -> new EvidenceUpload(file.getOriginalFilename(), file.getContentType(), bytes(file)))
        .toList();
    return act(reference, form, request, model, () -> customerCases.addEvidence(reference, token, uploads),
        "evidence-sent");
  }

  /**
   * Runs the action: {@code 303} back to the page with {@code notice}, or {@code not-waiting} when
   * the case no longer waits for it; a field problem of the API shows on its field; an unknown
   * case or wrong token is the page's 404.
   */
  private ModelAndView act(String reference, Map<String, String> form, HttpServletRequest request, Model model,
      Runnable action, String notice) {
    String token = form.get(TOKEN);
    try {
      action.run();
    } catch (CaseNotFoundException notFound) {
      return render(reference, token, null, List.of(), form, request, model, HttpStatus.NOT_FOUND);
    } catch (CaseNotWaitingException notWaiting) {
      return seeOther(link(reference, token, form.get(PageLanguage.PARAMETER), "not-waiting"));
    } catch (InvalidRecordException invalid) {
      List<ClaimForms.Problem> errors = new ArrayList<>();
      for (FieldProblem problem : invalid.fieldProblems()) {
        errors.add(new ClaimForms.Problem(problem.field().replaceFirst("\\[\\d+]$", ""), "invalid.server", List.of()));
      }
      return render(reference, token, null, errors, form, request, model, HttpStatus.BAD_REQUEST);
    }
    return seeOther(link(reference, token, form.get(PageLanguage.PARAMETER), notice));
  }

  /**
   * The page: the case if the token opens it, else the 404 that an unknown case gets as well.
   * {@code errors}: the fields' problems; {@code sent}: what the visitor typed (kept).
   */
  private ModelAndView render(String reference, String token, String notice, List<ClaimForms.Problem> errors,
      Map<String, String> sent, HttpServletRequest request, Model model, HttpStatus status) {
    Optional<CaseView> view = token == null || token.isBlank() ? Optional.empty() : viewOf(reference, token);
    // A form sent from the page says the page's language; else ?lang=, the case's, or the browser's.
    String sentLanguage = sent.get(PageLanguage.PARAMETER);
    Locale language = sentLanguage != null ? PageLanguage.supported(sentLanguage)
        : view.map(v -> PageLanguage.ofCasePage(request, v.language()))
            .orElseGet(() -> PageLanguage.ofStartPage(request));
    Map<String, String> hidden = new LinkedHashMap<>();
    if (view.isPresent()) {
      hidden.put(TOKEN, token);
    }
    texts.preparePage(model, request, language, "/cases/" + reference, hidden, SCRIPT_TEXTS);
    if (view.isEmpty()) {
      model.addAttribute("page", null);
      return new ModelAndView(VIEW, HttpStatus.NOT_FOUND);
    }
    Locale shown = language;
    model.addAttribute("page", pageView(view.get(), token, shown));
    Map<String, String> errorTexts = new LinkedHashMap<>();
    errors.forEach(problem -> errorTexts.putIfAbsent(problem.field(),
        texts.text(shown, problem.key(), problem.arguments().toArray())));
    model.addAttribute("errors", errorTexts);
    Map<String, List<StartPage.SummaryItem>> summary = new LinkedHashMap<>();
    summary.put("feedback", new ArrayList<>());
    summary.put("evidence", new ArrayList<>());
    errorTexts.forEach((field, text) -> {
      String anchor = FIELD_ANCHORS.get(field);
      summary.get("file".equals(field) ? "evidence" : "feedback")
          .add(new StartPage.SummaryItem(anchor == null ? null : "#" + anchor, text));
    });
    model.addAttribute("summary", summary);
    model.addAttribute("sent", sent);
    String noticeKey = notice == null ? null : NOTICES.get(notice);
    model.addAttribute("notice", noticeKey == null ? null : texts.text(shown, noticeKey));
    model.addAttribute("noticeKind", "not-waiting".equals(notice) ? "error" : "success");
    return new ModelAndView(VIEW, status);
  }

  private Optional<CaseView> viewOf(String reference, String token) {
    try {
      return Optional.of(customerCases.view(reference, token));
    } catch (CaseNotFoundException notFound) {
      return Optional.empty();
    }
  }

  private CasePageView pageView(CaseView view, String token, Locale language) {
    Set<CaseAction> actions = Set.copyOf(view.actions());
    boolean open = !view.status().isFinal();
    Offer offer = null;
    if (actions.contains(CaseAction.ANSWER_OFFER) && view.offer() != null) {
      String amount = view.offer().amount() == null ? ""
          : texts.money(language, view.offer().amount(), view.offer().currency());
      offer = new Offer(texts.text(language, "offer." + view.offer().type(), amount),
          view.offer().description() == null ? "" : view.offer().description());
    }
    List<Document> documents = new ArrayList<>();
    for (CaseView.Document document : view.documents()) {
      documents.add(new Document(texts.text(language, "case.documents.download", document.fileName()),
          UriComponentsBuilder.fromPath("/cases/{reference}/documents/{id}").queryParam(TOKEN, "{token}")
              .build(view.reference(), document.id(), token).toString(),
          texts.dateTime(language, document.createdAt())));
    }
    List<Entry> timeline = view.timeline().stream().map(entry -> {
      boolean mine = CUSTOMER_KINDS.contains(entry.kind());
      return new Entry(entry.kind(), mine, texts.text(language, mine ? "case.timeline.you" : "case.timeline.us"),
          entry.at().toString(), texts.dateTime(language, entry.at()), entry.message());
    }).toList();
    return new CasePageView(view.reference(), token, texts.text(language, "type." + view.type()),
        view.status().name(), texts.text(language, "status." + view.status()),
        texts.text(language, "status." + view.status() + ".text"),
        view.outcome() == null ? null
            : texts.text(language, "case.outcome", texts.text(language, "outcome." + view.outcome())),
        texts.text(language, "case.opened", texts.dateTime(language, view.openedAt())),
        open && view.replyDueBy() != null
            ? texts.text(language, "case.replyBy", texts.dateTime(language, view.replyDueBy())) : "",
        offer, actions.contains(CaseAction.GIVE_FEEDBACK), actions.contains(CaseAction.WITHDRAW),
        actions.contains(CaseAction.SEND_EVIDENCE), documents, timeline);
  }

  /** As the page's script checks a comment: at most 2,000 characters, no control characters. */
  private static Optional<ClaimForms.Problem> commentProblem(String comment) {
    if (comment.length() > CustomerCases.MAX_COMMENT) {
      return Optional.of(new ClaimForms.Problem("comment", "invalid.tooLong", List.of(CustomerCases.MAX_COMMENT)));
    }
    return comment.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)
        ? Optional.of(new ClaimForms.Problem("comment", "invalid.controlCharacters", List.of())) : Optional.empty();
  }

  /** As the page's script checks the chosen files: at least one, each of an accepted type and size, 12 MB in all. */
  private static Optional<ClaimForms.Problem> evidenceProblem(List<MultipartFile> files) {
    if (files.isEmpty()) {
      return Optional.of(new ClaimForms.Problem("file", "invalid.fileMissing", List.of()));
    }
    long total = 0;
    for (MultipartFile file : files) {
      total += file.getSize();
      String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
      String type = file.getContentType() == null ? "" : file.getContentType();
      boolean typeOk = EVIDENCE_TYPES.contains(type)
          || ((type.isEmpty() || type.equals("application/octet-stream")) && name.matches("(?i).*\\.(png|jpe?g|pdf|txt)"));
      if (!typeOk) {
        return Optional.of(new ClaimForms.Problem("file", "invalid.fileType", List.of(name)));
      }
      if (file.getSize() > MAX_FILE) {
        return Optional.of(new ClaimForms.Problem("file", "invalid.fileSize", List.of(name)));
      }
    }
    return total > MAX_REQUEST ? Optional.of(new ClaimForms.Problem("file", "invalid.filesTotal", List.of()))
        : Optional.empty();
  }

  /** The page's address: {@code /cases/{reference}?token=...}, with {@code lang} and {@code notice} if given. */
  static String link(String reference, String token, String lang, String notice) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath("/cases/{reference}").queryParam(TOKEN, "{token}");
    List<Object> values = new ArrayList<>(List.of(reference, token == null ? "" : token));
    if (lang != null && !lang.isBlank()) {
      link.queryParam(PageLanguage.PARAMETER, "{lang}");
      values.add(PageLanguage.supported(lang).getLanguage());
    }
    if (notice != null) {
      link.queryParam(NOTICE, "{notice}");
      values.add(notice);
    }
    return link.build(values.toArray()).toString();
  }

  /** {@code 303 See Other} to {@code location}, nothing of the model in its address. */
  static ModelAndView seeOther(String location) {
    RedirectView redirect = new RedirectView(location, true);
    redirect.setStatusCode(HttpStatus.SEE_OTHER);
    redirect.setExposeModelAttributes(false);
    return new ModelAndView(redirect);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read an uploaded file", e);
    }
  }
}
