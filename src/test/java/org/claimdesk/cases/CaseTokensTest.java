package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaseTokensTest {

  private final CaseTokens tokens = CaseTokens.withSecret("a-test-secret-of-enough-length-1234567890");

  @Test
  void theSameReferenceAndSaltGiveTheSameToken() {
    String salt = tokens.newSalt();

    assertThat(tokens.tokenFor("CD-ABCDEF12", salt)).isEqualTo(tokens.tokenFor("CD-ABCDEF12", salt));
  }

  @Test
  void aTokenIs43CharactersOfBase64Url() {
    assertThat(tokens.tokenFor("CD-ABCDEF12", tokens.newSalt())).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void anotherSaltReferenceOrSecretGivesAnotherToken() {
    String salt = tokens.newSalt();
    String token = tokens.tokenFor("CD-ABCDEF12", salt);

    assertThat(tokens.tokenFor("CD-ABCDEF12", tokens.newSalt())).isNotEqualTo(token);
    assertThat(tokens.tokenFor("CD-ABCDEF13", salt)).isNotEqualTo(token);
    assertThat(CaseTokens.withSecret("another-secret-of-enough-length-0987654321").tokenFor("CD-ABCDEF12", salt))
        .isNotEqualTo(token);
  }

  @Test
  void saltsAreRandom() {
    Set<String> salts = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      salts.add(tokens.newSalt());
    }
    assertThat(salts).hasSize(1000);
    assertThat(salts.iterator().next()).matches("[A-Za-z0-9_-]{22}");
  }

  @Test
  void onlyTheTokenMatchesItsStoredHash() {
    String token = tokens.tokenFor("CD-ABCDEF12", tokens.newSalt());
    String stored = tokens.hashOf(token);

    assertThat(stored).matches("[0-9a-f]{64}").isNotEqualTo(token);
    assertThat(tokens.matches(token, stored)).isTrue();
    assertThat(tokens.matches(token.substring(1), stored)).isFalse();
    assertThat(tokens.matches(token + "A", stored)).isFalse();
    assertThat(tokens.matches("", stored)).isFalse();
    assertThat(tokens.matches(null, stored)).isFalse();
  }

  @Test
  void nothingMatchesAMissingOrBrokenHash() {
    String token = tokens.tokenFor("CD-ABCDEF12", tokens.newSalt());

    assertThat(tokens.matches(token, null)).isFalse();
    assertThat(tokens.matches(token, "not hex")).isFalse();
    assertThat(tokens.matches(token, "z".repeat(64))).isFalse();
    // the all-zero stand-in for a missing hash matches no token either
    assertThat(tokens.matches(token, "0".repeat(64))).isFalse();
  }

  @Test
  void anEmptySecretIsRefused() {
    assertThatThrownBy(() -> CaseTokens.withSecret("")).isInstanceOf(IllegalArgumentException.class);
  }
}
