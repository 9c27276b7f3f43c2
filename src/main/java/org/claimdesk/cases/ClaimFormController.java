package org.claimdesk.cases;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.commerce.UnprocessableRecordException;
import org.claimdesk.web.ClaimForms;
import org.claimdesk.web.PageLanguage;
import org.claimdesk.web.StartPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code POST /claims/{form}} ({@code application/x-www-form-urlencoded}): a claim form of the
 * start page sent by the browser without script. The fields are checked by the page's own rules
 * first (the words the script would show; nothing is filed), then filed by the feature's intake
 * ({@link ClaimFormFiler}: the same service, validation and idempotency as the JSON API). A new
 * case answers {@code 303 See Other} to its private link; anything else is the start page again,
 * the form open with what was typed: {@code 400} with the field errors, {@code 422} "we could not
 * find this order for this email address", {@code 409} for a key sent with other details, and
 * {@code 200} with the case already open on the subject. The form's hidden idempotency key is kept,
 * so sending it twice files one case. The filing rate limit and the body limit apply as to the API.
 */
@Controller
class ClaimFormController {

  private final Map<String, ClaimFormFiler> filers;
  private final StartPage startPage;

  ClaimFormController(List<ClaimFormFiler> filers, StartPage startPage) {
    this.filers = filers.stream().collect(Collectors.toMap(ClaimFormFiler::form, Function.identity()));
    this.startPage = startPage;
  }

  @PostMapping(path = "/claims/{form}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ModelAndView file(@PathVariable String form, @RequestParam MultiValueMap<String, String> parameters,
      HttpServletRequest request, Model model) {
    ClaimFormFiler filer = filers.get(form);
    ClaimForms.Form spec = ClaimForms.form(form).orElse(null);
    if (filer == null || spec == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Map<String, String> values = parameters.toSingleValueMap();
    Locale language = PageLanguage.supported(values.get(StartPage.LANGUAGE_FIELD));
    List<ClaimForms.Problem> problems = ClaimForms.problems(spec, values);
    if (!problems.isEmpty()) {
      return again(HttpStatus.BAD_REQUEST,
          startPage.withProblems(model, request, language, form, values, problems, null));
    }
    FiledClaim filed;
    try {
      filed = filer.fileForm(values, values.get(StartPage.KEY_FIELD));
    } catch (InvalidRecordException invalid) {
      return again(HttpStatus.BAD_REQUEST, startPage.withProblems(model, request, language, form, values,
          ClaimForms.serverProblems(spec, values, invalid.fieldProblems()), null));
    } catch (UnprocessableRecordException notFound) {
      return again(HttpStatus.UNPROCESSABLE_ENTITY, startPage.withProblems(model, request, language, form,
          values, List.of(), "answer.notFound." + spec.subject()));
    } catch (IdempotencyKeyConflictException conflict) {
      return again(HttpStatus.CONFLICT, startPage.withProblems(model, request, language, form, values,
          List.of(), "answer.conflict"));
    }
    String token = filed.answer().accessToken();
    if (filed.created() && token != null) {
      return CustomerCasePage.seeOther(CustomerCasePage.link(filed.reference(), token, null, null));
    }
    // The case already open on the subject, or a replay too late to carry the token again.
    return new ModelAndView(startPage.existing(model, request, language, filed.reference()));
  }

  private static ModelAndView again(HttpStatus status, String view) {
    return new ModelAndView(view, status);
  }
}
