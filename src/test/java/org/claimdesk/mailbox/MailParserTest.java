package org.claimdesk.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailParserTest {

  static byte[] mail(String headers, String body) {
    return (headers.strip().replace("\n", "\r\n") + "\r\n\r\n" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("A plain mail: sender lower-cased with its name, subject, text, Message-ID and the references of a reply")
  void readsAPlainReply() throws Exception {
    ReceivedMail mail = MailParser.parse(mail("""
        From: "Marie Dubois" <Marie.Dubois@Example.com>
        To: support@claimdesk.example
        Subject: Re: Votre demande CD-7Q2M4K9X
        Message-ID: <abc-1@mail.example.com>
        In-Reply-To: <CD-7Q2M4K9X.41@claimdesk.example>
        References: <first@x> <CD-7Q2M4K9X.41@claimdesk.example>
        Content-Type: text/plain; charset=UTF-8
        Content-Language: fr-FR
        """, "Voici la facture.\n\nLe 1 déc. 2026 à 10:00, Claimdesk a écrit :\n> Envoyez-nous une pièce\n"));

    assertThat(mail.fromAddress()).isEqualTo("marie.dubois@example.com");
    assertThat(mail.fromName()).isEqualTo("Marie Dubois");
    assertThat(mail.messageId()).isEqualTo("abc-1@mail.example.com");
    assertThat(mail.references()).containsExactly("CD-7Q2M4K9X.41@claimdesk.example", "first@x",
        "CD-7Q2M4K9X.41@claimdesk.example");
    assertThat(mail.contentLanguage()).isEqualTo("fr-fr");
    assertThat(mail.ownText()).isEqualTo("Voici la facture.");
    assertThat(mail.automatic()).isEmpty();
  }

  @Test
  @DisplayName("An HTML-only mail: its text for recognition, its HTML without script, handlers, styles or images")
  void sanitisesHtml() throws Exception {
    ReceivedMail mail = MailParser.parse(mail("""
        From: james@example.com
        Subject: help
        Content-Type: text/html; charset=UTF-8
        """, "<html><head><style>p{}</style><script>alert(1)</script></head><body>"
        + "<p onclick=\"steal()\">Charged <b>twice</b></p><img src=\"https://tracker.example/p.gif\">"
        + "<a href=\"javascript:alert(2)\">x</a><iframe src=\"https://evil.example\"></iframe></body></html>"));

    assertThat(mail.text()).contains("Charged twice").doesNotContain("alert");
    assertThat(mail.safeHtml()).contains("<b>twice</b>")
        .doesNotContain("script", "onclick", "<img", "javascript:", "iframe", "style");
  }

  @Test
  @DisplayName("Automatic mail is told apart: RFC 3834, auto-responder headers, bulk, bounces, system senders, out-of-office subjects")
  void recognisesAutomaticMail() throws Exception {
    for (String header : List.of("Auto-Submitted: auto-replied", "X-Autoreply: yes", "Precedence: bulk",
        "Return-Path: <>", "List-Id: <news.example.com>", "X-Auto-Response-Suppress: All")) {
      ReceivedMail mail = MailParser.parse(mail("From: a@example.com\nSubject: hi\n" + header, "text"));
      assertThat(mail.automatic()).as(header).isPresent();
    }
    assertThat(MailParser.parse(mail("From: MAILER-DAEMON@mx.example.com\nSubject: x", "t")).automatic()).isPresent();
    assertThat(MailParser.parse(mail("From: a@example.com\nSubject: =?UTF-8?Q?R=C3=A9ponse_automatique_:_absent?=", "t")).automatic())
        .isPresent();
    assertThat(MailParser.parse(mail("From: a@example.com\nSubject: Out of Office: back Monday", "t")).automatic())
        .isPresent();
    assertThat(MailParser.parse(mail("From: a@example.com\nSubject: hi\nAuto-Submitted: no", "t")).automatic())
        .isEmpty();
  }

  @Test
  @DisplayName("DMARC: only this server's own Authentication-Results count; a pass the sender wrote under another id does not")
  void dmarcIsReadFromTheServersOwnStamp() throws Exception {
    ReceivedMail stamped = MailParser.parse(mail("""
        From: marie.dubois@example.com
        Subject: x
        Authentication-Results: evil.example; dmarc=pass header.from=example.com
        Authentication-Results: mx.claimdesk.example;
          spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass header.from=example.com
        """, "t"));
    ReceivedMail forged = MailParser.parse(mail("""
        From: marie.dubois@example.com
        Subject: x
        Authentication-Results: mx.claimdesk.example; spf=softfail; dmarc=fail header.from=example.com
        Authentication-Results: mx.claimdesk.example.evil; dmarc=pass
        """, "t"));

    assertThat(stamped.dmarcPassedAt("mx.claimdesk.example")).isTrue();
    assertThat(stamped.dmarcPassedAt("other.example")).isFalse();
    assertThat(forged.dmarcPassedAt("mx.claimdesk.example")).isFalse();
  }

  @Test
  @DisplayName("Attachments keep their decoded names, types and bytes; the text part stays the body")
  void readsAttachments() throws Exception {
    ReceivedMail mail = MailParser.parse(mail("""
        From: a@example.com
        Subject: proof
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"
        """, """
        --b1
        Content-Type: text/plain; charset=UTF-8

        See attached.
        --b1
        Content-Type: application/pdf; name="=?UTF-8?Q?re=C3=A7u.pdf?="
        Content-Disposition: attachment; filename="=?UTF-8?Q?re=C3=A7u.pdf?="
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcOkw7zDtsOfCg==
        --b1--
        """));

    assertThat(mail.text()).isEqualTo("See attached.");
    assertThat(mail.attachments()).singleElement().satisfies(file -> {
      assertThat(file.fileName()).isEqualTo("reçu.pdf");
      assertThat(file.contentType()).isEqualTo("application/pdf");
      assertThat(new String(file.content(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");
    });
  }
}
