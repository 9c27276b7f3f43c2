package org.claimdesk.discrepancy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.claimdesk.commerce.Money;
import org.claimdesk.notification.LocalizedFormats;
import org.claimdesk.notification.StrictMessageResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Writes the resolution document of a payment investigation as a PDF (PD-6: the customer receives
 * documentation of the investigation and its resolution): what was reported, the payment, what the
 * checks found, the decision with the rule it applies, the money that moved or what the customer
 * can do, and the case's history. English, or French for a French customer.
 *
 * <p><b>Where the words are.</b> The sentences live in the bundles
 * {@code documents/resolution-document.properties} and {@code _fr.properties}. Which of them make
 * the document, and how it is laid out, is the XHTML template {@code templates/documents/resolution.html}
 * with its print style sheet {@code resolution.css} (A4, margins, the footer with the case and
 * the page count); openhtmltopdf lays it out on PDFBox. To reword the document, edit the bundles;
 * to add or move a section, the template.
 *
 * <p>What stays here is logic: the cited rule must have a text (or the document is refused); a
 * sentence missing from a bundle stops the document ({@link NoSuchMessageException}); French gets
 * a no-break space before : ; ! ? » and after «; dates and amounts read as in the customer's
 * emails ({@link LocalizedFormats}), an amount never split from its currency; free text (a
 * customer's name and words, IDs, the timeline) is made printable ({@link Printable}); and the
 * PDF's title, language and creation date (the date of issue) are set.
 *
 * <p>The font is DejaVu Sans (regular and bold, {@code documents/fonts/}, licence beside it),
 * embedded as a subset: it covers every Latin alphabet, so a Polish or German name prints as
 * typed. A character it lacks (CJK, emoji) prints as {@code ?} rather than stop the document.
 *
 * <p>Nothing of the document's content is logged: it holds a customer's name and words.
 */
@Component
public class ResolutionDocumentRenderer {

  private static final Logger log = LoggerFactory.getLogger(ResolutionDocumentRenderer.class);

  static final String BUNDLE = "documents/resolution-document";
  static final String TEMPLATE = "documents/resolution";
  static final String STYLE_SHEET = "templates/documents/resolution.css";
  static final String FONT = "documents/fonts/DejaVuSans.ttf";
  static final String BOLD_FONT = "documents/fonts/DejaVuSans-Bold.ttf";
  /** The family name the style sheet asks for. */
  static final String FONT_FAMILY = "DejaVu Sans";

  private final byte[] font;
  private final byte[] boldFont;
  private final Printable printable;
  private final MessageSource texts;
  private final TemplateEngine templates;
  private final String baseUri;

  public ResolutionDocumentRenderer() {
    this.font = resource(FONT);
    this.boldFont = resource(BOLD_FONT);
    this.printable = new Printable(font);
    ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
    bundle.setBasename(BUNDLE);
    bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
    // English is the file without suffix; never fall back to the server's own locale.
    bundle.setFallbackToSystemLocale(false);
    // Sentences reads the bare pattern and formats it itself, after the French spacing.
    bundle.setAlwaysUseMessageFormat(false);
    this.texts = bundle;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    // XML: openhtmltopdf reads well-formed XHTML.
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setResolvablePatterns(Set.of(TEMPLATE));
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    this.templates = new TemplateEngine();
    templates.setDialect(new SpringStandardDialect());
    templates.setTemplateResolver(resolver);
    templates.setMessageResolver(new StrictMessageResolver("resolution-document",
        (key, arguments, language) -> sentence(texts, key, arguments, language)));
    URL styleSheet = ResolutionDocumentRenderer.class.getClassLoader().getResource(STYLE_SHEET);
    if (styleSheet == null) {
      throw new IllegalStateException("The style sheet " + STYLE_SHEET + " is not on the classpath");
    }
    // The template links resolution.css, which is found beside itself.
    this.baseUri = styleSheet.toExternalForm();
  }

  private static byte[] resource(String path) {
    try (InputStream in = ResolutionDocumentRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }

  /**
   * @return the PDF's bytes
   * @throws IllegalArgumentException when the decision cites a rule the document has no text for
   */
  public byte[] render(ResolutionDocument document) {
    Objects.requireNonNull(document, "document");
    Locale language = LocalizedFormats.supportedLanguage(document.language());
    String ruleId = document.decision().ruleId().strip();
    if (sentence(texts, "rule." + ruleId, null, language) == null) {
      throw new IllegalArgumentException("The resolution of case " + document.caseReference()
          + " cites rule " + ruleId + ", which the resolution document has no text for");
    }
    String title = sentence(texts, "title", null, language)
        + " " + printable.inline(document.caseReference());
    Context context = new Context(language);
    context.setVariable("d", document);
    context.setVariable("ruleId", ruleId);
    context.setVariable("title", title);
    context.setVariable("language", language.getLanguage());
    context.setVariable("formats", LocalizedFormats.of(language));
    context.setVariable("text", printable);
    // "Page {0} / {1}" around the page counters, which only the layout knows.
    Object[] counters = {"\u0000", "\u0000"};
    context.setVariable("page", sentence(texts, "footer.page", counters, language).split("\u0000", -1));
    String xhtml = templates.process(TEMPLATE, context);

    PdfRendererBuilder builder = new PdfRendererBuilder()
        .useFastMode()
        .useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 400, FontStyle.NORMAL, true)
        .useFont(() -> new ByteArrayInputStream(boldFont), FONT_FAMILY, 700, FontStyle.NORMAL, true)
        .useUnicodeLineBreaker(new BreakAtSpaces())
        .withHtmlContent(xhtml, baseUri);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument pdf = renderer.getPdfDocument();
      describe(pdf, language, title, document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      log.debug("Resolution document of case {} written: round {}, {} pages, {} bytes",
          document.caseReference(), document.round(), pdf.getNumberOfPages(), out.size());
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the resolution document of case " + document.caseReference(), e);
    }
  }

  /**
   * Title and language for readers and screen readers; the creation date is the date of issue.
   * The pages are exactly A4 (the layout's own A4, counted in its units, is a hundredth of a point
   * short).
   */
  private static void describe(PDDocument pdf, Locale language, String title, ResolutionDocument document) {
    pdf.getPages().forEach(page -> page.setMediaBox(PDRectangle.A4));
    PDDocumentInformation information = pdf.getDocumentInformation();
    information.setTitle(title);
    information.setCreationDate(GregorianCalendar.from(document.issuedAt().atZone(ZoneOffset.UTC)));
    pdf.getDocumentCatalog().setLanguage(language.getLanguage());
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    pdf.getDocumentCatalog().setViewerPreferences(preferences);
  }

  /**
   * Lines break at spaces only, as people write: not after the hyphen of an ID such as
   * {@code WLE-5521} or inside a date. A word longer than the line is still cut (the style
   * sheet's {@code word-wrap: break-word}).
   */
  private static final class BreakAtSpaces implements FSTextBreaker {

    private String text = "";
    private int position;

    @Override
    public void setText(String newText) {
      this.text = newText;
      this.position = 0;
    }

    @Override
    public int next() {
      if (position >= text.length()) {
        return -1;
      }
      int i = position;
      while (i < text.length() && text.charAt(i) != ' ') {
        i++;
      }
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      position = i;
      return i;
    }
  }

  /**
   * Free text as the template may print it (the template calls it as {@code ${text...}}): NFC (an
   * accent typed as a combining mark joins its letter), line breaks as {@code \n}, tabs as spaces,
   * no other control or invisible format character (which could reorder or hide what the customer
   * reads), no space at either end; and a character the embedded font cannot draw as {@code ?}.
   * Public for the template's expressions only.
   */
  public static final class Printable {

    /** The code points the font has a glyph for. */
    private final BitSet drawable = new BitSet();

    Printable(byte[] font) {
      try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
        var cmap = ttf.getUnicodeCmapLookup();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
          if (cmap.getGlyphId(c) > 0) {
            drawable.set(c);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the font's character map", e);
      }
    }

    /** Someone's own words, line by line as they wrote them; "" for none. */
    public String lines(String text) {
      if (text == null) {
        return "";
      }
      String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
          .replaceAll("\\r\\n?|[\\u0085\\u2028\\u2029]", "\n").replace('\t', ' ');
      StringBuilder cleaned = new StringBuilder(normalized.length());
      normalized.codePoints()
          .filter(c -> c == '\n' || !(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT))
          .forEach(c -> cleaned.appendCodePoint(c == '\n' || drawable.get(c) ? c : '?'));
      return cleaned.toString().strip();
    }

    /** Free text to be put inside a sentence or a field: printable, and on one line. */
    public String inline(String text) {
      return lines(text).replaceAll("\\s*\n\\s*", " ");
    }

    /** An amount that is never split from its currency at the end of a line. */
    public String money(LocalizedFormats formats, Money money) {
      return formats.money(money).replace(' ', '\u00a0');
    }
  }

  /**
   * The template's {@code #{key(arguments)}}: the bundle's sentence, through MessageFormat, or null
   * when the bundle has none; French gets a no-break space before : ; ! ? and » and after «, so
   * that they never start or end a line on their own. A missing key stops the document
   * ({@link StrictMessageResolver}): it never goes out half-written.
   */
  private static String sentence(MessageSource source, String key, Object[] arguments, Locale language) {
    String pattern = source.getMessage(key, null, null, language);
    if (pattern == null) {
      return null;
    }
    if (language.equals(Locale.FRENCH)) {
      pattern = pattern.replaceAll(" ([:;!?»])", "\u00a0$1").replace("« ", "«\u00a0");
    }
    return new MessageFormat(pattern, language).format(arguments);
  }
}
