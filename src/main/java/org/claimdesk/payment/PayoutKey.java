package org.claimdesk.payment;

import java.util.regex.Pattern;

/**
 * The idempotency key of a payout, {@code <caseReference>:<step>} ({@code CD-7K2M9QXA:refund}):
 * derived from the case and the step of its process that pays, never random, so every attempt
 * of the same step sends the same key.
 *
 * <p>Both parts are 1 to {@value #MAX_PART_LENGTH} letters, digits, {@code .}, {@code _} or
 * {@code -}, starting with a letter or a digit. Neither may contain {@code :}, so a key splits
 * back into exactly one case and step, and the wallet entry id derived from it
 * ({@code claimdesk-CD-7K2M9QXA:wallet-credit}) is a valid shop id of at most 64 characters.
 */
public record PayoutKey(String caseReference, String step) {

  /** The longest case reference or step. */
  public static final int MAX_PART_LENGTH = 24;

  private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_PART_LENGTH - 1) + "}");

  private static final String WALLET_ENTRY_PREFIX = "claimdesk-";

  public PayoutKey {
    requirePart("caseReference", caseReference);
    requirePart("step", step);
  }

  /** {@code <caseReference>:<step>}, sent to the processor and stored with the payout. */
  public String value() {
    return caseReference + ":" + step;
  }

  /** The id of the wallet ledger entry a wallet credit under this key is written as. */
  public String walletEntryId() {
    return WALLET_ENTRY_PREFIX + value();
  }

  @Override
  public String toString() {
    return value();
  }

  private static void requirePart(String name, String value) {
    if (value == null || !PART.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must be 1 to " + MAX_PART_LENGTH
          + " letters, digits, '.', '_' or '-', starting with a letter or digit: " + printable(value));
    }
  }

  private static String printable(String value) {
    if (value == null) {
      return "null";
    }
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
