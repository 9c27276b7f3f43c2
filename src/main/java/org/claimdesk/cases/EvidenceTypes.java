package org.claimdesk.cases;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which files the customer may send as evidence, told by their bytes, not by the type the upload
 * declares: PNG and JPEG images, PDF documents, plain text (UTF-8 without control characters).
 * Also cleans file names for storage and download.
 */
public final class EvidenceTypes {

  public static final String PNG = "image/png";
  public static final String JPEG = "image/jpeg";
  public static final String PDF = "application/pdf";
  public static final String TEXT = "text/plain";

  /** The allowed types, each with the file extensions that fit it (the first is added when none fits). */
  static final Map<String, List<String>> EXTENSIONS = Map.of(
      PNG, List.of("png"),
      JPEG, List.of("jpg", "jpeg"),
      PDF, List.of("pdf"),
      TEXT, List.of("txt", "text", "log", "csv"));

  static final int MAX_FILE_NAME = 100;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private EvidenceTypes() {
  }

  /** What the bytes are, if they are one of the allowed types. */
  public static Optional<String> sniff(byte[] content) {
    if (content == null || content.length == 0) {
      return Optional.empty();
    }
    if (startsWith(content, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    return isPlainText(content) ? Optional.of(TEXT) : Optional.empty();
  }

  /**
   * The type to store a file as, or empty when it is refused: the bytes must be of an allowed
   * type, and a declared type, if there is a specific one, must be that type. A missing or
   * generic declaration ({@code application/octet-stream}) takes what the bytes are.
   */
  public static Optional<String> accept(String declaredType, byte[] content) {
    Optional<String> sniffed = sniff(content);
    if (sniffed.isEmpty()) {
      return Optional.empty();
    }
    String declared = baseType(declaredType);
    if (declared.isEmpty() || declared.equals("application/octet-stream") || declared.equals(sniffed.get())
        || (declared.equals("image/jpg") && sniffed.get().equals(JPEG))) {
      return sniffed;
    }
    return Optional.empty();
  }

  /**
   * A file name safe to store and to offer for download: the last path segment, letters, digits,
   * space and {@code . _ - ( )} only (others become {@code _}), no leading dot, at most
   * {@value #MAX_FILE_NAME} characters, ending with an extension that fits {@code contentType}.
   */
  public static String sanitizeFileName(String original, String contentType) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC);
    name = name.replaceAll("[^\\p{L}\\p{N}\\p{M} ._()-]", "_")
        .replaceAll("_{2,}", "_")
        .replaceAll("\\s+", " ")
        .replaceAll("^[ .]+", "")
        .replaceAll("[ .]+$", "")
        .strip();
    List<String> extensions = EXTENSIONS.getOrDefault(contentType, List.of("bin"));
    String extension = extension(name);
    if (extension == null || !extensions.contains(extension.toLowerCase(Locale.ROOT))) {
      extension = extensions.get(0);
      name = name.isEmpty() ? "evidence" : name;
    } else {
      name = name.substring(0, name.length() - extension.length() - 1);
      name = name.isEmpty() ? "evidence" : name;
    }
    int room = MAX_FILE_NAME - extension.length() - 1;
    if (name.length() > room) {
      name = name.substring(0, room).strip();
    }
    return name + "." + extension;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1 ? null : name.substring(dot + 1);
  }

  private static String baseType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** Valid UTF-8 (a BOM allowed) whose only control characters are tab, line feed, form feed, carriage return. */
  static boolean isPlainText(byte[] content) {
    int offset = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, offset, content.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    if (text.isEmpty()) {
      return false;
    }
    return text.codePoints().noneMatch(c -> (Character.isISOControl(c) && c != '\t' && c != '\n'
        && c != '\r' && c != '\f'));
  }
}
