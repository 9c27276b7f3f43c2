package org.claimdesk.sla;

/**
 * The variables the SL-1 steps read and write, named alike in every process that models the
 * first reply (each process's variables class uses the same names).
 */
public final class FirstReplyVariables {

  public static final String CASE_REFERENCE = "caseReference";
  /** Boolean, optional: the acknowledgement asks for evidence (RF-3). */
  public static final String EVIDENCE_REQUIRED = "evidenceRequired";
  /** The reply's deadline as staff read it on the forms. */
  public static final String REPLY_DUE_TEXT = "replyDueText";
  /** handle-escalation: the support agent a manager hands the late review to. */
  public static final String ASSIGN_REVIEW_TO = "assignReviewTo";

  private FirstReplyVariables() {
  }
}
