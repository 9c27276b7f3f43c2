package org.claimdesk.notification;

import java.util.List;

/**
 * What the two layout templates ({@code templates/mail/customer-message.txt|html}) show: every
 * text is final, already in the customer's language; the templates only lay it out (and the HTML
 * one escapes it).
 */
public record MailLayout(String language, String subject, String greeting, List<Block> blocks,
    String signOff, String signature, String linkLabel, String link) {

  /** A paragraph, a quoted text in someone's own words (under a heading), or a rule that applies. */
  public record Block(Kind kind, String heading, List<String> lines) {

    public enum Kind { PARAGRAPH, QUOTE, RULE }

    public boolean isQuote() {
      return kind == Kind.QUOTE;
    }

    public boolean isRule() {
      return kind == Kind.RULE;
    }

    static Block paragraph(String text) {
      return new Block(Kind.PARAGRAPH, null, List.of(text));
    }

    static Block rule(String text) {
      return new Block(Kind.RULE, null, List.of(text));
    }

    /** Someone's own words, line by line as they wrote them. */
    static Block quote(String heading, String text) {
      return new Block(Kind.QUOTE, heading, List.of(text.strip().split("\\R", -1)));
    }
  }
}
