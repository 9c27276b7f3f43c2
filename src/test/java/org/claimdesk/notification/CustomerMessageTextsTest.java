package org.claimdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two bundles of customer texts stay complete, parallel and safe for MessageFormat. */
class CustomerMessageTextsTest {

  static Properties bundle(String suffix) throws IOException {
    Properties properties = new Properties();
    String resource = CustomerMessageRenderer.BUNDLE + suffix + ".properties";
    try (InputStream in = CustomerMessageTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  @DisplayName("English and French have the same keys, a subject for every message and a sentence for every rule")
  void bundlesAreComplete() throws IOException {
    Properties english = bundle("");
    Properties french = bundle("_fr");

    assertThat(new TreeSet<>(french.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    for (CustomerMessage message : CustomerMessage.values()) {
      assertThat(english).containsKey(message.name() + ".subject");
    }
    Set<String> ruleKeys = new TreeSet<>();
    english.stringPropertyNames().stream().filter(key -> key.startsWith("rule.")).forEach(ruleKeys::add);
    assertThat(ruleKeys).containsExactlyInAnyOrderElementsOf(
        CustomerMessageRenderer.RULE_IDS.stream().map(id -> "rule." + id).toList());
  }

  @Test
  @DisplayName("no plain apostrophe (MessageFormat would drop it) and no empty text")
  void textsAreMessageFormatSafe() throws IOException {
    for (Properties bundle : new Properties[] {bundle(""), bundle("_fr")}) {
      for (String key : bundle.stringPropertyNames()) {
        String text = bundle.getProperty(key);
        assertThat(text).as(key).isNotBlank().doesNotContain("'").doesNotContain("  ");
      }
    }
  }

  @Test
  @DisplayName("French puts a space before : ; ! ? (made no-break when rendered)")
  void frenchPunctuationIsSpaced() throws IOException {
    Properties french = bundle("_fr");
    Pattern unspaced = Pattern.compile("[^\\s][:;!?](\\s|$)");
    for (String key : french.stringPropertyNames()) {
      assertThat(french.getProperty(key)).as(key).doesNotContainPattern(unspaced);
    }
  }

  @Test
  @DisplayName("the rule sentences cover exactly the rule IDs of docs/policies/README.md")
  void ruleIdsMatchThePolicyCatalogue() throws IOException {
    Path catalogue = Path.of("docs", "policies", "README.md");
    Matcher row = Pattern.compile("(?m)^\\|\\s*((?:RF|SC|PD|WR|SL)-\\d+)\\s*\\|").matcher(Files.readString(catalogue));
    Set<String> ids = new TreeSet<>();
    while (row.find()) {
      ids.add(row.group(1));
    }
    assertThat(ids).containsExactlyInAnyOrderElementsOf(CustomerMessageRenderer.RULE_IDS);
  }

  @Test
  @DisplayName("every sentence the message templates name is in the bundles, and every message has its fragment")
  void templatesNameOnlySentencesOfTheBundles() throws IOException {
    Properties english = bundle("");
    String templates = Files.readString(Path.of("src/main/resources/templates/mail/messages.html"))
        + Files.readString(Path.of("src/main/resources/templates/mail/customer-message.html"))
        + Files.readString(Path.of("src/main/resources/templates/mail/customer-message-text.html"));
    Matcher key = Pattern.compile("#\\{([\\w.-]+)").matcher(templates);
    Set<String> named = new TreeSet<>();
    while (key.find()) {
      named.add(key.group(1));
    }
    assertThat(named).hasSizeGreaterThan(80);
    assertThat(english.stringPropertyNames()).containsAll(named);
    for (CustomerMessage message : CustomerMessage.values()) {
      assertThat(templates).contains("th:fragment=\"" + message.name() + "\"");
    }
  }
}
