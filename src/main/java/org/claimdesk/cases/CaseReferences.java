package org.claimdesk.cases;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case references: {@code CD-} and 8 random characters of Crockford's base32 alphabet (digits and
 * upper-case letters without I, L, O and U), about 40 bits, so they are hard to guess and easy to
 * read out. The access token, not the reference, protects a case.
 */
public final class CaseReferences {

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final String PREFIX = "CD-";
  static final int LENGTH = 8;
  public static final Pattern FORMAT = Pattern.compile("CD-[0-9A-HJKMNP-TV-Z]{8}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private CaseReferences() {
  }

  /** A new random reference; the caller makes sure it is not taken. */
  public static String next() {
    StringBuilder reference = new StringBuilder(PREFIX.length() + LENGTH).append(PREFIX);
    for (int i = 0; i < LENGTH; i++) {
      reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return reference.toString();
  }

  /**
   * A reference as a person may type it, in its canonical form: upper case, and Crockford's
   * look-alikes read as digits (I and L as 1, O as 0). Null when it cannot be a reference.
   */
  public static String normalize(String typed) {
    if (typed == null || typed.length() != PREFIX.length() + LENGTH) {
      return null;
    }
    String upper = typed.toUpperCase(Locale.ROOT);
    if (!upper.startsWith(PREFIX)) {
      return null;
    }
    String body = upper.substring(PREFIX.length()).replace('I', '1').replace('L', '1').replace('O', '0');
    String reference = PREFIX + body;
    return FORMAT.matcher(reference).matches() ? reference : null;
  }
}
