package org.claimdesk.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses as logs may show them: the first letter of the local part and the domain. */
final class EmailMasking {

  private static final Pattern ADDRESS = Pattern.compile("([\\w.%+-])[\\w.%+-]*@([\\w.-]+)");

  private EmailMasking() {
  }

  /** {@code marie.dubois@example.com} becomes {@code m***@example.com}. */
  static String mask(String address) {
    if (address == null || address.isBlank()) {
      return "(none)";
    }
    int at = address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }

  /** Any addresses in a text (an SMTP server's error message) masked the same way. */
  static String maskAll(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = ADDRESS.matcher(text);
    return matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "***@" + match.group(2)));
  }
}
