package org.claimdesk.discrepancy;

/** Words for the investigation notes staff read on the forms. */
final class Notes {

  private Notes() {
  }

  /** PROCESSOR or BANK, as a note names it. */
  static String whom(String institution) {
    return "BANK".equals(institution) ? "the bank" : "the payment processor";
  }
}
