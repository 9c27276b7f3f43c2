package org.claimdesk.mailbox;

import java.util.regex.Pattern;

/** Where a reply's own words end and the mail it answers begins, as mail programs quote it (EN, FR). */
final class Replies {

  /** "On Mon, 1 Dec 2026, Claimdesk wrote:", "Le 1 déc. 2026 à 10:00, Claimdesk a écrit :", Outlook's separator. */
  private static final Pattern QUOTE_HEADER = Pattern.compile(
      "(?im)^\\s*(on\\b.{0,200}\\bwrote\\s*:|le\\b.{0,200}\\ba\\s+écrit\\s*:|-{2,}\\s*original message\\s*-{2,}"
          + "|-{2,}\\s*message d'origine\\s*-{2,}|_{5,})\\s*$");

  private Replies() {
  }

  static String withoutQuote(String text) {
    if (text == null) {
      return "";
    }
    String own = text;
    var header = QUOTE_HEADER.matcher(own);
    if (header.find()) {
      own = own.substring(0, header.start());
    }
    StringBuilder kept = new StringBuilder();
    for (String line : own.split("\\R", -1)) {
      if (!line.stripLeading().startsWith(">")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString().strip();
  }
}
