package org.claimdesk.channels;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.engine.ProcessVariables;

/**
 * Every variable of the four {@code take-*-claim} processes, named once: the start form's fields
 * ({@link TakenClaimForm#formFields()}, the claim as the agent typed it) and what filing it gave.
 */
public final class TakenClaimVariables extends ProcessVariables {

  /** The case the claim opened, or the one already open on that subject. */
  public static final String CASE_REFERENCE = "caseReference";
  /** The case's status as filing left it ({@code IN_REVIEW}, ...). */
  public static final String CASE_STATUS = "caseStatus";
  /** {@value #NEW_CASE} or {@value #OPEN_CASE}. */
  public static final String FILED_AS = "filedAs";
  /** The claim opened a case (and its process, which sends the customer the acknowledgement). */
  public static final String NEW_CASE = "NEW_CASE";
  /** A case of that kind was already open on the subject: the claim was answered with it. */
  public static final String OPEN_CASE = "OPEN_CASE";

  private TakenClaimVariables(VariableScope scope) {
    super(scope);
  }

  public static TakenClaimVariables of(VariableScope scope) {
    return new TakenClaimVariables(scope);
  }

  /** The start form's values, by field name; a field left empty is absent. */
  public Map<String, Object> formValues(TakenClaimForm form) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : form.formFields()) {
      Object value = raw(name);
      if (value != null) {
        values.put(name, value);
      }
    }
    return values;
  }

  /** What filing gave, for Cockpit and the instance's history. */
  public void recordFiled(FiledClaim filed) {
    set(CASE_REFERENCE, Variables.stringValue(filed.reference()));
    set(CASE_STATUS, Variables.stringValue(filed.answer().status().name()));
    set(FILED_AS, Variables.stringValue(filed.created() ? NEW_CASE : OPEN_CASE));
  }
}
