package org.claimdesk.channels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.claimdesk.cases.CaseChannel;
import org.claimdesk.cases.ChannelFiling;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.commerce.UnprocessableRecordException;
import org.claimdesk.engine.InvalidFormInputException;
import org.claimdesk.web.ClaimForms;
import org.claimdesk.web.CustomerPageTexts;
import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FieldProblemException;
import org.springframework.stereotype.Service;

/**
 * Files the claim a support agent took on the phone or in a chat, from the start form they
 * submitted in Tasklist: the form's values become the start page form's fields, checked as the
 * start page checks them before it files ({@link ClaimForms#problems}) and filed through the same
 * intake ({@link ChannelFiling}), with the channel recorded on a new case. No rule of its own:
 * the intake is the judge, and reads every money fact from the database.
 *
 * <p>A refusal becomes an {@link InvalidFormInputException} whose message names each bad field:
 * the start rolls back (no case, no process), and Tasklist shows the message to the agent.
 */
@Service
public class TakenClaimFiling {

  /** The idempotency keys of claims filed from Tasklist: one per started instance. */
  static final String KEY_PREFIX = "tasklist:";

  private final ChannelFiling filing;
  private final CustomerPageTexts texts;

  TakenClaimFiling(ChannelFiling filing, CustomerPageTexts texts) {
    this.filing = filing;
    this.texts = texts;
  }

  /**
   * @param form which claim the agent took
   * @param values the start form's values by variable name (only the form's own are read)
   * @param processInstanceId the started instance: filing it again answers as the first time
   * @throws InvalidFormInputException a field is missing or wrong, or no such subject for that email
   */
  public FiledClaim file(TakenClaimForm form, Map<String, ?> values, String processInstanceId) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : form.claimFields()) {
      String text = text(values.get(name));
      if (text != null) {
        fields.put(name, text);
      }
    }
    List<FieldProblem> problems = new ArrayList<>();
    CaseChannel channel = channelOf(text(values.get(TakenClaimForm.CHANNEL)), problems);
    ClaimForms.form(form.claimForm()).ifPresent(spec -> ClaimForms.problems(spec, fields).forEach(problem ->
        problems.add(new FieldProblem(problem.field() == null ? "" : problem.field(),
            texts.text(Locale.ENGLISH, problem.key(), problem.arguments().toArray())))));
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
    try {
      return filing.file(form.claimForm(), fields, KEY_PREFIX + processInstanceId, channel);
    } catch (InvalidRecordException | UnprocessableRecordException refused) {
      throw refused(refused.fieldProblems());
    }
  }

  /** PHONE or CHAT: the channels an agent takes a claim by. */
  private static CaseChannel channelOf(String value, List<FieldProblem> problems) {
    if ("PHONE".equals(value)) {
      return CaseChannel.PHONE;
    }
    if ("CHAT".equals(value)) {
      return CaseChannel.CHAT;
    }
    problems.add(new FieldProblem(TakenClaimForm.CHANNEL, "must be one of PHONE, CHAT"));
    return null;
  }

  /**
   * A form value as the start page's form sends it: text; a checkbox true/false; a number without
   * a trailing {@code .0}. Null when absent.
   */
  static String text(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
    return value == null ? null : value.toString();
  }

  /** The refusal the agent reads in Tasklist: every bad field, by name, and what is wrong with it. */
  static InvalidFormInputException refused(List<FieldProblem> problems) {
    return new InvalidFormInputException("The claim was not filed (nothing was saved); check "
        + FieldProblemException.describe(problems) + ".");
  }
}
