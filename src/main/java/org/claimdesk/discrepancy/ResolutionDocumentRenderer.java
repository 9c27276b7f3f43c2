package org.claimdesk.discrepancy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.claimdesk.commerce.Money;
import org.claimdesk.discrepancy.ResolutionDocument.Adjustment;
import org.claimdesk.discrepancy.ResolutionDocument.Decision;
import org.claimdesk.discrepancy.ResolutionDocument.PaymentFacts;
import org.claimdesk.discrepancy.ResolutionDocument.Report;
import org.claimdesk.discrepancy.ResolutionDocument.TimelineLine;
import org.claimdesk.notification.LocalizedFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the resolution document of a payment investigation as a PDF (PD-6: the customer receives
 * documentation of the investigation and its resolution): what was reported, the payment, what the
 * checks found, the decision with the rule it applies, the money that moved or what the customer
 * can do, and the case's history. English, or French for a French customer; the sentences live in
 * the bundles {@code documents/resolution-document.properties} and {@code _fr.properties}, which
 * sentences make the document is decided here, and {@link PdfTextFlow} lays them out. Dates and
 * amounts read as in the customer's emails ({@link LocalizedFormats}).
 *
 * <p>The font is Liberation Sans, which PDFBox ships in its jar: it covers every Latin alphabet,
 * so a Polish or German name prints as typed, and only the glyphs used are embedded. A character
 * it lacks (CJK, emoji) prints as {@code ?} rather than stop the document.
 *
 * <p>Nothing of the document's content is logged: it holds a customer's name and words.
 */
@Component
public class ResolutionDocumentRenderer {

  private static final Logger log = LoggerFactory.getLogger(ResolutionDocumentRenderer.class);

  static final String BUNDLE = "documents/resolution-document";
  static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  /** Read once: each document parses it again, as a parsed font is not safe to share between threads. */
  private final byte[] font;

  public ResolutionDocumentRenderer() {
    try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("The font " + FONT + " is not on the classpath; is PDFBox 3 there?");
      }
      this.font = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the font " + FONT, e);
    }
  }

  /**
   * @return the PDF's bytes
   * @throws IllegalArgumentException when the decision cites a rule the document has no text for
   */
  public byte[] render(ResolutionDocument document) {
    Objects.requireNonNull(document, "document");
    Locale language = LocalizedFormats.supportedLanguage(document.language());
    Texts t = new Texts(language);
    LocalizedFormats formats = LocalizedFormats.of(language);
    String ruleId = document.decision().ruleId().strip();
    if (!t.has("rule." + ruleId)) {
      throw new IllegalArgumentException("The resolution of case " + document.caseReference()
          + " cites rule " + ruleId + ", which the resolution document has no text for");
    }
    try (PDDocument pdf = new PDDocument()) {
      PdfTextFlow flow = new PdfTextFlow(pdf, PDType0Font.load(pdf, new ByteArrayInputStream(font)));
      String title = t.get("title");
      flow.title(title);
      summary(flow, t, formats, document);
      report(flow, t, formats, document.report());
      payment(flow, t, formats, document.payment());
      findings(flow, t, formats, document);
      decision(flow, t, document.decision(), ruleId);
      outcome(flow, t, formats, document);
      timeline(flow, t, formats, document);
      int pages = flow.finish(t.get("footer.case", document.caseReference()),
          (page, count) -> t.get("footer.page", Integer.toString(page), Integer.toString(count)));
      describe(pdf, language, title + " " + PdfTextFlow.inline(document.caseReference()), document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      log.debug("Resolution document of case {} written: round {}, {} pages, {} bytes",
          document.caseReference(), document.round(), pages, out.size());
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the resolution document of case " + document.caseReference(), e);
    }
  }

  private static void summary(PdfTextFlow flow, Texts t, LocalizedFormats formats, ResolutionDocument document) {
    flow.field(t.get("meta.reference"), document.caseReference());
    flow.field(t.get("meta.issued"), formats.dateTime(document.issuedAt()));
    flow.field(t.get("meta.round"), document.round() == 1
        ? t.get("round.first")
        : t.get("round.reopened", Integer.toString(document.round())));
    String name = PdfTextFlow.inline(document.customerName());
    if (!name.isEmpty()) {
      flow.field(t.get("meta.customer"), name);
    }
    flow.gap(8);
    flow.paragraph(t.get("intro"));
  }

  private static void report(PdfTextFlow flow, Texts t, LocalizedFormats formats, Report report) {
    flow.heading(t.get("section.report"));
    flow.field(t.get("report.kind"), t.get("kind." + report.kind()));
    flow.field(t.get("report.channel"), t.get("channel." + report.channel()));
    flow.field(t.get("report.date"), formats.dateTime(report.reportedAt()));
    if (report.expectedAmount() != null) {
      flow.field(t.get("report.expected"), money(formats, report.expectedAmount()));
    }
    if (!PdfTextFlow.clean(report.description()).isEmpty()) {
      flow.caption(t.get("report.description"));
      flow.quote(report.description());
    }
  }

  private static void payment(PdfTextFlow flow, Texts t, LocalizedFormats formats, PaymentFacts payment) {
    flow.heading(t.get("section.payment"));
    flow.field(t.get("payment.id"), payment.paymentId());
    String description = PdfTextFlow.inline(payment.orderDescription());
    flow.field(t.get("payment.order"), description.isEmpty()
        ? payment.orderId()
        : t.get("payment.orderValue", PdfTextFlow.inline(payment.orderId()), description));
    flow.field(t.get("payment.amount"), money(formats, payment.amount()));
    flow.field(t.get("payment.captured"), formats.dateTime(payment.capturedAt()));
  }

  private static void findings(PdfTextFlow flow, Texts t, LocalizedFormats formats, ResolutionDocument document) {
    flow.heading(t.get("section.findings"));
    if (document.findings().isEmpty()) {
      flow.paragraph(t.get("findings.none"));
    }
    for (CheckFinding finding : document.findings()) {
      flow.bullet(finding(t, formats, finding));
    }
  }

  /**
   * A finding in one sentence, with its payment ID and amounts when it has the ones the sentence
   * needs, in a plainer sentence when not.
   */
  private static String finding(Texts t, LocalizedFormats formats, CheckFinding finding) {
    String key = "finding." + finding.code();
    String related = finding.relatedPaymentId() == null ? null : PdfTextFlow.inline(finding.relatedPaymentId());
    Money amount = finding.amount();
    Money other = finding.otherAmount();
    return switch (finding.code()) {
      case DUPLICATE_CHARGE -> related != null && amount != null
          ? t.get(key + ".details", related, money(formats, amount))
          : related != null ? t.get(key + ".payment", related) : t.get(key);
      case AMOUNT_DIFFERS_FROM_ORDER, PROCESSOR_RECORD_DIFFERS -> amount != null && other != null
          ? t.get(key + ".details", money(formats, amount), money(formats, other))
          : t.get(key);
      case ALREADY_REFUNDED -> amount != null ? t.get(key + ".details", money(formats, amount)) : t.get(key);
      case UNKNOWN_TO_PROCESSOR, NOTHING_FOUND -> t.get(key);
    };
  }

  private static void decision(PdfTextFlow flow, Texts t, Decision decision, String ruleId) {
    flow.heading(t.get("section.decision"));
    flow.field(t.get("decision.cause"), t.get("cause." + decision.cause()));
    flow.field(t.get("decision.liability"), t.get("liability." + decision.merchantLiable()));
    flow.field(t.get("decision.rule"), t.get("decision.ruleValue", ruleId, t.get("rule." + ruleId)));
    if (!PdfTextFlow.clean(decision.investigatorConclusion()).isEmpty()) {
      flow.caption(t.get("decision.conclusion"));
      flow.quote(decision.investigatorConclusion());
    }
  }

  /**
   * The money that moved, with the reference the customer can quote to their bank; or that none
   * moved and, when it is not our liability, where the customer can turn (PD-5).
   */
  private static void outcome(PdfTextFlow flow, Texts t, LocalizedFormats formats, ResolutionDocument document) {
    flow.heading(t.get("section.outcome"));
    Adjustment adjustment = document.adjustment();
    Remedy remedy = document.decision().remedy();
    switch (remedy) {
      case REFUND -> flow.paragraph(t.get("outcome.REFUND", money(formats, adjustment.amount()),
          PdfTextFlow.inline(adjustment.paymentId()), PdfTextFlow.inline(adjustment.reference())));
      case BALANCE_ADJUSTMENT -> flow.paragraph(t.get("outcome.BALANCE_ADJUSTMENT",
          money(formats, adjustment.amount()), PdfTextFlow.inline(adjustment.reference())));
      case NONE -> flow.paragraph(t.get("outcome.NONE"));
      case ASSISTANCE -> {
        flow.paragraph(t.get("outcome.ASSISTANCE"));
        String advice = "assistance." + document.decision().cause();
        flow.paragraph(t.get(t.has(advice) ? advice : "assistance.other"));
      }
    }
  }

  private static void timeline(PdfTextFlow flow, Texts t, LocalizedFormats formats, ResolutionDocument document) {
    flow.heading(t.get("section.timeline"));
    if (document.timeline().isEmpty()) {
      flow.paragraph(t.get("timeline.none"));
    }
    for (TimelineLine line : document.timeline()) {
      flow.field(formats.dateTime(line.at()), line.message());
    }
  }

  /** Title and language for readers and screen readers; the creation date is the date of issue. */
  private static void describe(PDDocument pdf, Locale language, String title, ResolutionDocument document) {
    PDDocumentInformation information = pdf.getDocumentInformation();
    information.setTitle(title);
    information.setCreationDate(GregorianCalendar.from(document.issuedAt().atZone(ZoneOffset.UTC)));
    pdf.getDocumentCatalog().setLanguage(language.getLanguage());
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    pdf.getDocumentCatalog().setViewerPreferences(preferences);
  }

  /** An amount that is never split from its currency at the end of a line. */
  private static String money(LocalizedFormats formats, Money money) {
    return formats.money(money).replace(' ', '\u00a0');
  }

  /**
   * The bundle's sentences in one language, through MessageFormat; French gets a no-break space
   * before : ; ! ? and » and after «, so that they never start or end a line on their own.
   */
  private static final class Texts {

    private final ResourceBundle bundle;
    private final Locale language;
    private final boolean french;

    Texts(Locale language) {
      // English is the file without suffix; never fall back to the server's own locale.
      this.bundle = ResourceBundle.getBundle(BUNDLE, language,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      this.language = language;
      this.french = "fr".equals(language.getLanguage());
    }

    boolean has(String key) {
      return bundle.containsKey(key);
    }

    /** @throws MissingResourceException for a missing key: a document never goes out half-written */
    String get(String key, Object... arguments) {
      String pattern = bundle.getString(key);
      if (french) {
        pattern = pattern.replaceAll(" ([:;!?»])", "\u00a0$1").replace("« ", "«\u00a0");
      }
      return new MessageFormat(pattern, language).format(arguments);
    }
  }
}
