package org.claimdesk.discrepancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Flows text down A4 pages of a PDF: wraps it to the width it has, starts a new page when the
 * next line would pass the bottom margin, and at the end writes a footer on every page (which
 * needs the page count, so it comes last). PDFBox itself only places a string at a point; a
 * customer's long description or a long timeline would otherwise run off the page.
 *
 * <p>Every text is made printable first: control characters go (a line break stays one), and a
 * character the one embedded font cannot draw becomes {@code ?}, since PDFBox refuses to encode
 * it and the document must still be issued.
 */
final class PdfTextFlow {

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 56;
  private static final float BOTTOM = 66;
  private static final float FOOTER_BASELINE = 34;
  private static final float LEFT = MARGIN;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
  /** Labels and timeline dates sit in a column of their own, the values beside them. */
  private static final float LABEL_WIDTH = 150;
  private static final float COLUMN_GAP = 12;
  private static final float QUOTE_INDENT = 12;
  private static final float BULLET_INDENT = 12;

  private static final Style TITLE = new Style(17, 24, true, 0f);
  private static final Style HEADING = new Style(12.5f, 18, true, 0f);
  private static final Style BODY = new Style(10, 14, false, 0f);
  private static final Style LABEL = new Style(10, 14, false, 0.38f);
  private static final Style FOOTER = new Style(8, 10, false, 0.38f);

  /** Font size, distance between baselines, drawn bold (the embedded font has no bold face), grey level. */
  private record Style(float size, float leading, boolean bold, float grey) {
  }

  private final PDDocument pdf;
  private final PDFont font;
  private final Map<Integer, Boolean> drawable = new HashMap<>();
  private PDPageContentStream content;
  private float y;

  PdfTextFlow(PDDocument pdf, PDFont font) {
    this.pdf = pdf;
    this.font = font;
    newPage();
  }

  /**
   * Text as it may be printed: NFC (an accent typed as a combining mark joins its letter), line
   * breaks as {@code \n}, tabs as spaces, no other control or invisible format character (which
   * could reorder or hide what the customer reads), no space at either end.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
        .replaceAll("\\r\\n?|[\\u0085\\u2028\\u2029]", "\n").replace('\t', ' ');
    StringBuilder cleaned = new StringBuilder(normalized.length());
    normalized.codePoints()
        .filter(c -> c == '\n' || !(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT))
        .forEach(cleaned::appendCodePoint);
    return cleaned.toString().strip();
  }

  /** Free text to be put inside a sentence: cleaned, and on one line. */
  static String inline(String text) {
    return clean(text).replaceAll("\\s*\n\\s*", " ");
  }

  void title(String text) {
    lines(TITLE, LEFT, WIDTH, text);
    gap(6);
  }

  /** A section heading, kept on a page with at least the two lines that follow it. */
  void heading(String text) {
    gap(14);
    ensureRoom(HEADING.leading() + 2 * BODY.leading());
    lines(HEADING, LEFT, WIDTH, text);
    gap(3);
  }

  void paragraph(String text) {
    lines(BODY, LEFT, WIDTH, text);
    gap(4);
  }

  /** A label (grey) on a line of its own, such as the caption of a quote. */
  void caption(String text) {
    ensureRoom(LABEL.leading() + BODY.leading());
    lines(LABEL, LEFT, WIDTH, text);
  }

  /** Someone's own words, indented behind a grey bar; long texts run on over the following pages. */
  void quote(String text) {
    List<String> lines = wrap(text, BODY, WIDTH - QUOTE_INDENT);
    for (String line : lines) {
      ensureRoom(BODY.leading());
      run(() -> {
        content.setStrokingColor(0.75f);
        content.setLineWidth(1.5f);
        content.moveTo(LEFT + 2, y - BODY.leading());
        content.lineTo(LEFT + 2, y);
        content.stroke();
      });
      line(BODY, LEFT + QUOTE_INDENT, line);
    }
    gap(6);
  }

  void bullet(String text) {
    List<String> lines = wrap(text, BODY, WIDTH - BULLET_INDENT);
    for (int i = 0; i < lines.size(); i++) {
      ensureRoom(BODY.leading());
      if (i == 0) {
        draw(BODY, LEFT + 2, "\u2022");
      }
      line(BODY, LEFT + BULLET_INDENT, lines.get(i));
    }
    gap(3);
  }

  /** A label in the left column and its value beside it (also a timeline entry: its date, its message). */
  void field(String label, String value) {
    List<String> labels = wrap(label, LABEL, LABEL_WIDTH);
    List<String> values = wrap(value, BODY, WIDTH - LABEL_WIDTH - COLUMN_GAP);
    int rows = Math.max(labels.size(), values.size());
    // A short field stays on one page; a long one is split line by line like any text.
    ensureRoom(Math.min(rows, 4) * BODY.leading());
    for (int i = 0; i < rows; i++) {
      ensureRoom(BODY.leading());
      if (i < labels.size()) {
        draw(LABEL, LEFT, labels.get(i));
      }
      if (i < values.size()) {
        draw(BODY, LEFT + LABEL_WIDTH + COLUMN_GAP, values.get(i));
      }
      y -= BODY.leading();
    }
    gap(2);
  }

  /**
   * Ends the text and writes each page's footer: {@code left} at the left, and at the right what
   * {@code pageOf} makes of the page number and the page count.
   *
   * @return the number of pages
   */
  int finish(String left, BiFunction<Integer, Integer, String> pageOf) {
    run(() -> content.close());
    int pages = pdf.getNumberOfPages();
    for (int i = 0; i < pages; i++) {
      PDPage page = pdf.getPage(i);
      String right = printable(clean(pageOf.apply(i + 1, pages)));
      run(() -> {
        try (PDPageContentStream footer = new PDPageContentStream(pdf, page, AppendMode.APPEND, true, true)) {
          footer.setStrokingColor(0.75f);
          footer.setLineWidth(0.5f);
          footer.moveTo(LEFT, FOOTER_BASELINE + FOOTER.leading());
          footer.lineTo(LEFT + WIDTH, FOOTER_BASELINE + FOOTER.leading());
          footer.stroke();
          show(footer, FOOTER, LEFT, FOOTER_BASELINE, printable(inline(left)));
          show(footer, FOOTER, LEFT + WIDTH - width(right, FOOTER), FOOTER_BASELINE, right);
        }
      });
    }
    return pages;
  }

  private void lines(Style style, float x, float width, String text) {
    for (String line : wrap(text, style, width)) {
      ensureRoom(style.leading());
      line(style, x, line);
    }
  }

  private void line(Style style, float x, String line) {
    draw(style, x, line);
    y -= style.leading();
  }

  /** Draws one line whose top is at the current height. */
  private void draw(Style style, float x, String line) {
    if (!line.isEmpty()) {
      // the baseline sits a font size below the top of the line, the rest of the leading below it
      run(() -> show(content, style, x, y - style.size(), line));
    }
  }

  private void show(PDPageContentStream stream, Style style, float x, float baseline, String line)
      throws IOException {
    stream.beginText();
    stream.setFont(font, style.size());
    stream.setNonStrokingColor(style.grey());
    if (style.bold()) {
      // a thin outline around each glyph: bold enough for a heading, and the text stays text
      stream.setRenderingMode(RenderingMode.FILL_STROKE);
      stream.setStrokingColor(style.grey());
      stream.setLineWidth(style.size() * 0.035f);
    } else {
      stream.setRenderingMode(RenderingMode.FILL);
    }
    stream.newLineAtOffset(x, baseline);
    stream.showText(line);
    stream.endText();
  }

  /** Vertical space, in points; none is carried over to a new page. */
  void gap(float points) {
    y -= points;
  }

  private void ensureRoom(float height) {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  private void newPage() {
    run(() -> {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PAGE);
      pdf.addPage(page);
      content = new PDPageContentStream(pdf, page);
    });
    y = PAGE.getHeight() - MARGIN;
  }

  /**
   * The lines {@code text} takes in {@code width}: its own line breaks kept (an empty line stays
   * one), words moved to the next line when they do not fit, and a word longer than the whole
   * width (a long reference, a pasted link) cut where the width ends.
   */
  private List<String> wrap(String text, Style style, float width) {
    List<String> lines = new ArrayList<>();
    float space = width(" ", style);
    for (String paragraph : printable(clean(text)).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      float lineWidth = 0;
      for (String word : paragraph.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        float wordWidth = width(word, style);
        if (line.length() > 0 && lineWidth + space + wordWidth <= width) {
          line.append(' ').append(word);
          lineWidth += space + wordWidth;
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        while (wordWidth > width) {
          int cut = fitting(word, style, width);
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
          wordWidth = width(word, style);
        }
        line.append(word);
        lineWidth = wordWidth;
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** How many chars of {@code word} fit in {@code width}; at least one code point, so wrapping ends. */
  private int fitting(String word, Style style, float width) {
    int end = word.offsetByCodePoints(0, 1);
    while (end < word.length()) {
      int next = word.offsetByCodePoints(end, 1);
      if (width(word.substring(0, next), style) > width) {
        break;
      }
      end = next;
    }
    return end;
  }

  /** {@code text} with every character the font has no glyph for replaced by {@code ?}. */
  private String printable(String text) {
    StringBuilder printable = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == '\n' || drawable.computeIfAbsent(c, this::hasGlyph)) {
        printable.appendCodePoint(c);
      } else {
        printable.append('?');
      }
    });
    return printable.toString();
  }

  private boolean hasGlyph(int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IOException noGlyph) {
      return false;
    }
  }

  private float width(String text, Style style) {
    try {
      return font.getStringWidth(text) / 1000 * style.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(PdfAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface PdfAction {
    void run() throws IOException;
  }
}
