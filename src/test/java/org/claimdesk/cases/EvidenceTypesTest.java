package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EvidenceTypesTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
  private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] TEXT = "Order 42 was charged twice.\r\nMerci !\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void theBytesTellTheType() {
    assertThat(EvidenceTypes.sniff(PNG)).contains("image/png");
    assertThat(EvidenceTypes.sniff(JPEG)).contains("image/jpeg");
    assertThat(EvidenceTypes.sniff(PDF)).contains("application/pdf");
    assertThat(EvidenceTypes.sniff(TEXT)).contains("text/plain");
    assertThat(EvidenceTypes.sniff(bomAnd("Bonjour"))).contains("text/plain");
  }

  @Test
  void otherBytesAreNotEvidence() {
    assertThat(EvidenceTypes.sniff(new byte[0])).isEmpty();
    assertThat(EvidenceTypes.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0, 3})).as("a Windows executable").isEmpty();
    assertThat(EvidenceTypes.sniff(new byte[] {'P', 'K', 3, 4, 20, 0})).as("a zip archive").isEmpty();
    assertThat(EvidenceTypes.sniff(new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0})).as("a GIF").isEmpty();
    assertThat(EvidenceTypes.sniff(new byte[] {(byte) 0xC3, (byte) 0x28})).as("broken UTF-8").isEmpty();
    assertThat(EvidenceTypes.sniff("text with a NUL\0".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(EvidenceTypes.sniff("escape \u001b[31m".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void theDeclaredTypeMustBeWhatTheBytesAre() {
    assertThat(EvidenceTypes.accept("image/png", PNG)).contains("image/png");
    assertThat(EvidenceTypes.accept("IMAGE/PNG", PNG)).contains("image/png");
    assertThat(EvidenceTypes.accept("text/plain; charset=UTF-8", TEXT)).contains("text/plain");
    assertThat(EvidenceTypes.accept("image/jpg", JPEG)).contains("image/jpeg");
    assertThat(EvidenceTypes.accept("image/png", PDF)).isEmpty();
    assertThat(EvidenceTypes.accept("application/pdf", TEXT)).isEmpty();
    assertThat(EvidenceTypes.accept("text/html", TEXT)).isEmpty();
  }

  @Test
  void aGenericOrMissingDeclarationTakesWhatTheBytesAre() {
    assertThat(EvidenceTypes.accept(null, PDF)).contains("application/pdf");
    assertThat(EvidenceTypes.accept("", JPEG)).contains("image/jpeg");
    assertThat(EvidenceTypes.accept("application/octet-stream", PNG)).contains("image/png");
    assertThat(EvidenceTypes.accept("application/octet-stream", new byte[] {'M', 'Z', 0})).isEmpty();
  }

  @Test
  void fileNamesAreCleaned() {
    assertThat(EvidenceTypes.sanitizeFileName("receipt.pdf", "application/pdf")).isEqualTo("receipt.pdf");
    assertThat(EvidenceTypes.sanitizeFileName("../../etc/passwd.png", "image/png")).isEqualTo("passwd.png");
    assertThat(EvidenceTypes.sanitizeFileName("C:\\Users\\me\\photo.JPG", "image/jpeg")).isEqualTo("photo.JPG");
    assertThat(EvidenceTypes.sanitizeFileName("reçu de février.pdf", "application/pdf"))
        .isEqualTo("reçu de février.pdf");
    assertThat(EvidenceTypes.sanitizeFileName("a\"b;c\r\nd<e>.txt", "text/plain")).isEqualTo("a_b_c_d_e_.txt");
    assertThat(EvidenceTypes.sanitizeFileName(".htaccess", "text/plain")).isEqualTo("htaccess.txt");
  }

  @Test
  void theExtensionFitsTheType() {
    assertThat(EvidenceTypes.sanitizeFileName("invoice.exe", "application/pdf")).isEqualTo("invoice.exe.pdf");
    assertThat(EvidenceTypes.sanitizeFileName("scan", "image/png")).isEqualTo("scan.png");
    assertThat(EvidenceTypes.sanitizeFileName("notes.html", "text/plain")).isEqualTo("notes.html.txt");
  }

  @Test
  void emptyOrLongNamesGetASafeName() {
    assertThat(EvidenceTypes.sanitizeFileName(null, "image/png")).isEqualTo("evidence.png");
    assertThat(EvidenceTypes.sanitizeFileName("   ", "application/pdf")).isEqualTo("evidence.pdf");
    assertThat(EvidenceTypes.sanitizeFileName("///", "text/plain")).isEqualTo("evidence.txt");
    assertThat(EvidenceTypes.sanitizeFileName(".pdf", "application/pdf")).isEqualTo("pdf.pdf");
    String longName = EvidenceTypes.sanitizeFileName("x".repeat(500) + ".pdf", "application/pdf");
    assertThat(longName).hasSize(EvidenceTypes.MAX_FILE_NAME).endsWith("x.pdf");
  }

  private static byte[] bomAnd(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[body.length + 3];
    content[0] = (byte) 0xEF;
    content[1] = (byte) 0xBB;
    content[2] = (byte) 0xBF;
    System.arraycopy(body, 0, content, 3, body.length);
    return content;
  }
}
