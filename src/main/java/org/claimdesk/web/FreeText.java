package org.claimdesk.web;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for free text people send through the API (a description, a comment, an answer, a
 * name): at most so many characters, no control characters (Unicode Cc, C0 and C1) except line
 * breaks and tabs in multi-line text, and no invisible formatting characters (Unicode Cf: bidi
 * overrides and isolates, zero-width spaces and joiners, the soft hyphen), which can make a text
 * read differently to staff than what it says, nor unpaired surrogates (Cs). Issue #20 point 7.
 */
public final class FreeText {

  /** For {@code @Pattern}: multi-line text (tab, line feed and carriage return allowed; one character class, no backtracking). */
  public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\p{Cf}\\p{Cs}]*";
  /** For {@code @Pattern}: one line (a name). */
  public static final String ONE_LINE = "[^\\p{Cc}\\p{Cf}\\p{Cs}]*";
  /** The problem a text that breaks the rule has. */
  public static final String REFUSED = "must not contain control or invisible formatting characters";

  private static final Pattern NO_CONTROL_EXCEPT_LINES = Pattern.compile(MULTI_LINE);

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
      return Optional.of(new FieldProblem(field, REFUSED));
    }
    return Optional.empty();
  }
}
