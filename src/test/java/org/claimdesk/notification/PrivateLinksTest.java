package org.claimdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrivateLinksTest {

  static final String LINK = "https://claims.example.test/cases/CD-7K2M9QXA?token=Zm9vYmFyLWJhei1xdXV4LWNvcmdlLWdyYXVsdC1nYXJ";

  @Test
  @DisplayName("the stored link has the placeholder where the token was, and nothing else changes")
  void redactsTheTokenOnly() {
    assertThat(PrivateLinks.redacted(LINK))
        .isEqualTo("https://claims.example.test/cases/CD-7K2M9QXA?token=TOKEN-ADDED-WHEN-SENT");
    assertThat(PrivateLinks.redacted("https://claims.example.test/cases/CD-7K2M9QXA"))
        .isEqualTo("https://claims.example.test/cases/CD-7K2M9QXA");
  }

  @Test
  @DisplayName("restore puts the link back in text and HTML bodies, every time it occurs; other text is left alone")
  void restoresEveryOccurrence() {
    String redacted = PrivateLinks.redacted(LINK);
    String html = "<p>Votre dossier<br><a href=\"" + redacted + "\">" + redacted + "</a></p>";

    assertThat(PrivateLinks.restore("Your case:\n" + redacted + "\n", LINK)).isEqualTo("Your case:\n" + LINK + "\n");
    assertThat(PrivateLinks.restore(html, LINK))
        .isEqualTo("<p>Votre dossier<br><a href=\"" + LINK + "\">" + LINK + "</a></p>")
        .doesNotContain(PrivateLinks.TOKEN_PLACEHOLDER);
    assertThat(PrivateLinks.restore("Hello team lead", LINK)).isEqualTo("Hello team lead");
    assertThat(PrivateLinks.restore(null, LINK)).isNull();
  }

  @Test
  @DisplayName("another case's redacted link in a body is not given this case's token")
  void onlyThisCasesLink() {
    String other = "https://claims.example.test/cases/CD-OTHERCAS?token=TOKEN-ADDED-WHEN-SENT";
    assertThat(PrivateLinks.restore(other, LINK)).isEqualTo(other);
  }
}
