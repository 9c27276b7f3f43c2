package org.claimdesk.web;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for free text people send through the API (a comment, an answer): at most so many
 * characters, and no control characters except line breaks and tabs.
 */
public final class FreeText {

  private static final Pattern NO_CONTROL_EXCEPT_LINES = Pattern.compile("[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*");

  private FreeText() {
  }

  /** The problem with a text that is present, or empty when it is fine; a missing text is the caller's to judge. */
  public static Optional<FieldProblem> problem(String field, String text, int maxLength) {
    if (text == null) {
      return Optional.empty();
    }
    if (text.length() > maxLength) {
      return Optional.of(new FieldProblem(field, "must be at most " + maxLength + " characters"));
    }
    if (!NO_CONTROL_EXCEPT_LINES.matcher(text).matches()) {
      return Optional.of(new FieldProblem(field, "must not contain control characters"));
    }
    return Optional.empty();
  }
}
