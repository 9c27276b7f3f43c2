package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaseReferencesTest {

  @Test
  void aReferenceIsCdAndEightCrockfordCharacters() {
    for (int i = 0; i < 1000; i++) {
      assertThat(CaseReferences.next()).matches("CD-[0-9A-HJKMNP-TV-Z]{8}").matches(CaseReferences.FORMAT);
    }
  }

  @Test
  void referencesAvoidLettersThatLookAlike() {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      all.append(CaseReferences.next().substring(3));
    }
    assertThat(all.toString()).doesNotContain("I", "L", "O", "U");
  }

  @Test
  void referencesAreRandom() {
    Set<String> references = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      references.add(CaseReferences.next());
    }
    assertThat(references).hasSizeGreaterThan(9_990);
    assertThat(CaseReferences.ALPHABET).hasSize(32);
  }

  @Test
  void aTypedReferenceIsReadAsItsCanonicalForm() {
    assertThat(CaseReferences.normalize("CD-7K3M9QXA")).isEqualTo("CD-7K3M9QXA");
    assertThat(CaseReferences.normalize("cd-7k3m9qxa")).isEqualTo("CD-7K3M9QXA");
    assertThat(CaseReferences.normalize("CD-O1LI0000")).isEqualTo("CD-01110000");
  }

  @Test
  void whatCannotBeAReferenceIsNull() {
    assertThat(CaseReferences.normalize(null)).isNull();
    assertThat(CaseReferences.normalize("")).isNull();
    assertThat(CaseReferences.normalize("CD-7K3M9QX")).isNull();
    assertThat(CaseReferences.normalize("XX-7K3M9QXA")).isNull();
    assertThat(CaseReferences.normalize("CD-7K3M9QXU")).isNull();
    assertThat(CaseReferences.normalize("CD-7K3M9Q%A")).isNull();
  }
}
