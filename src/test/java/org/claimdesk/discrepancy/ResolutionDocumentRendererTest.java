package org.claimdesk.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.claimdesk.commerce.Money;
import org.claimdesk.discrepancy.ResolutionDocument.Adjustment;
import org.claimdesk.discrepancy.ResolutionDocument.Decision;
import org.claimdesk.discrepancy.ResolutionDocument.PaymentFacts;
import org.claimdesk.discrepancy.ResolutionDocument.Report;
import org.claimdesk.discrepancy.ResolutionDocument.TimelineLine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResolutionDocumentRendererTest {

  static final String REFERENCE = "CD-7K3M9QXT";
  static final Instant ISSUED = Instant.parse("2026-11-21T10:00:00Z");
  static final Instant REPORTED = Instant.parse("2026-11-02T08:15:00Z");
  static final Instant CAPTURED = Instant.parse("2026-10-30T17:45:00Z");
  static final Money TWELVE_FIFTY = Money.of(1250, "EUR");
  static final String PD4_EN = "We rectify our own errors, including unauthorized transactions caused by flaws in our "
      + "security: refund or account balance adjustment.";
  static final String PD5_EN = "We are not liable for customer errors in payment details, fraud not linked to our "
      + "security, or issues of third-party processors or banks; we still assist you.";
  static final String PD4_FR = "Nous corrigeons nos propres erreurs, y compris les transactions non autorisées dues "
      + "à une faille de notre sécurité : remboursement ou ajustement du solde de votre compte.";

  final ResolutionDocumentRenderer renderer = new ResolutionDocumentRenderer();

  // --- sample documents ---

  static ResolutionDocument refund(Locale language) {
    return new ResolutionDocument(REFERENCE, language, "Marie Dubois", ISSUED, 1,
        new Report(DiscrepancyKind.DUPLICATE_CHARGE, ReportChannel.WEB, REPORTED,
            "I was charged twice for my order.", null),
        new PaymentFacts("PAY-1001", "ORD-77", "Annual plan", TWELVE_FIFTY, CAPTURED),
        List.of(new CheckFinding(CheckFinding.Code.DUPLICATE_CHARGE, "PAY-1002", TWELVE_FIFTY, null)),
        new Decision(Cause.DUPLICATE_CHARGE, true, Remedy.REFUND, "PD-4", "The second charge was ours."),
        new Adjustment(Remedy.REFUND, TWELVE_FIFTY, "re_3Qx81", "PAY-1002"),
        List.of(new TimelineLine(REPORTED, "REPORT_RECEIVED", "We received your report.")));
  }

  static ResolutionDocument assistance() {
    return new ResolutionDocument(REFERENCE, Locale.ENGLISH, null, ISSUED, 1,
        new Report(DiscrepancyKind.UNAUTHORIZED, ReportChannel.CHAT, REPORTED, "I never made this payment.", null),
        new PaymentFacts("PAY-2001", "ORD-88", "Gift card", Money.of(5000, "EUR"), CAPTURED),
        List.of(CheckFinding.of(CheckFinding.Code.NOTHING_FOUND)),
        new Decision(Cause.FRAUD_NOT_MERCHANT, false, Remedy.ASSISTANCE, "PD-5", null),
        null,
        List.of());
  }

  static ResolutionDocument with(ResolutionDocument d, String customerName, String description,
      List<TimelineLine> timeline) {
    Report r = d.report();
    return new ResolutionDocument(d.caseReference(), d.language(), customerName, d.issuedAt(), d.round(),
        new Report(r.kind(), r.channel(), r.reportedAt(), description, r.expectedAmount()),
        d.payment(), d.findings(), d.decision(), d.adjustment(), timeline);
  }

  // --- reading a PDF back ---

  static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with every run of white space (line breaks from wrapping, no-break spaces) as one space. */
  static String flat(byte[] pdf) {
    return text(pdf).replaceAll("[\\s\\u00a0]+", " ");
  }

  static PDDocument load(byte[] pdf) throws IOException {
    return Loader.loadPDF(pdf);
  }

  // --- tests ---

  @Test
  @DisplayName("English: title, labels, the rule text of PD-4, amounts and dates as in the customer's emails")
  void english() {
    byte[] pdf = renderer.render(refund(Locale.ENGLISH));
    String text = flat(pdf);

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(text)
        .contains("Payment investigation: resolution")
        .contains("Case reference " + REFERENCE)
        .contains("Issued on 21 November 2026, 10:00 UTC")
        .contains("First resolution of your case")
        .contains("Customer Marie Dubois")
        .contains("What you reported You were charged twice for the same thing")
        .contains("Reported via Web form")
        .contains("I was charged twice for my order.")
        .contains("Order ORD-77 (“Annual plan”)")
        .contains("Amount 12.50 EUR")
        .contains("We found another payment, PAY-1002, of 12.50 EUR for the same order.")
        .contains("We are liable: the error is ours, and we rectify it.")
        .contains("PD-4: " + PD4_EN)
        .contains("The second charge was ours.")
        .contains("We received your report.")
        .contains("Case " + REFERENCE)
        .contains("Page 1 / 1")
        .doesNotContain("après", "after your case was reopened");
  }

  @Test
  @DisplayName("French: French title and labels with no-break spaces, PD-4 in French, 12,50 EUR, French dates")
  void french() {
    byte[] pdf = renderer.render(refund(Locale.CANADA_FRENCH));
    String raw = text(pdf);
    String text = flat(pdf);

    assertThat(raw).contains("Enquête de paiement\u00a0: résolution");
    assertThat(text)
        .contains("Référence du dossier " + REFERENCE)
        .contains("Établi le 21 novembre 2026 à 10:00 UTC")
        .contains("Première résolution de votre dossier")
        .contains("Commande ORD-77 (« Annual plan »)")
        .contains("Montant 12,50 EUR")
        .contains("Nous avons trouvé un autre paiement, PAY-1002, de 12,50 EUR pour la même commande.")
        .contains("PD-4 : " + PD4_FR)
        .contains("Nous avons remboursé 12,50 EUR sur le paiement d’origine PAY-1002.")
        .contains("Historique de votre dossier")
        .contains("Dossier " + REFERENCE)
        .doesNotContain("Payment investigation", "Case reference", "12.50");
  }

  @Test
  @DisplayName("every section, in order, in both languages; French keeps its accents, ’ and no-break spaces")
  void everySectionInOrder() throws IOException {
    for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
      Properties bundle = bundle(language == Locale.FRENCH
          ? "documents/resolution-document_fr.properties" : "documents/resolution-document.properties");
      String raw = text(renderer.render(refund(language)));
      int previous = -1;
      for (String key : List.of("title", "section.report", "section.payment", "section.findings",
          "section.decision", "section.outcome", "section.timeline")) {
        String heading = bundle.getProperty(key);
        if (language == Locale.FRENCH) {
          heading = heading.replace(" :", "\u00a0:");
        }
        int at = raw.indexOf(heading);
        assertThat(at).as(language + " " + key + ": " + heading).isGreaterThan(previous);
        previous = at;
      }
    }
    String french = text(renderer.render(refund(Locale.FRENCH)));
    assertThat(french)
        .contains("Ce qu’ont établi nos vérifications")
        .contains("Établi le")
        .contains("Prélevé le")
        .contains("Responsabilité")
        .contains("Règle appliquée")
        .contains("PD-4\u00a0: Nous corrigeons")
        .doesNotContain("?", "#");
  }

  @Test
  @DisplayName("French amounts group thousands with a no-break space, as LocalizedFormats does")
  void frenchThousands() {
    ResolutionDocument d = refund(Locale.FRENCH);
    ResolutionDocument big = new ResolutionDocument(d.caseReference(), d.language(), d.customerName(), d.issuedAt(),
        d.round(), d.report(), new PaymentFacts("PAY-1001", "ORD-77", "Annual plan", Money.of(123450, "EUR"),
        CAPTURED), d.findings(), d.decision(), d.adjustment(), d.timeline());

    assertThat(text(renderer.render(big))).contains("1\u00a0234,50\u00a0EUR");
  }

  @Test
  @DisplayName("a language other than French gives the English document")
  void otherLanguagesGetEnglish() {
    assertThat(flat(renderer.render(refund(Locale.GERMAN)))).contains("Payment investigation: resolution");
  }

  @Test
  @DisplayName("PD-4 refund: the amount, the refunded payment and the processor's reference")
  void refundAdjustment() {
    assertThat(flat(renderer.render(refund(Locale.ENGLISH))))
        .contains("We refunded 12.50 EUR to the original payment PAY-1002. Payment processor’s reference: re_3Qx81.");
  }

  @Test
  @DisplayName("PD-4 balance adjustment: the amount credited to the wallet and the ledger entry")
  void balanceAdjustment() {
    ResolutionDocument d = refund(Locale.ENGLISH);
    ResolutionDocument adjusted = new ResolutionDocument(d.caseReference(), d.language(), d.customerName(),
        d.issuedAt(), d.round(), d.report(), d.payment(), d.findings(),
        new Decision(Cause.OVERCHARGED, true, Remedy.BALANCE_ADJUSTMENT, "PD-4", null),
        new Adjustment(Remedy.BALANCE_ADJUSTMENT, Money.of(300, "EUR"), "WLE-5521", null), d.timeline());

    assertThat(flat(renderer.render(adjusted)))
        .contains("we credited 3.00 EUR to your wallet. Wallet entry: WLE-5521.")
        .doesNotContain("We refunded", "Our investigator");
  }

  @Test
  @DisplayName("PD-5 assistance: no money moved, what to do about fraud, and no adjustment")
  void assistanceMovesNoMoney() {
    String text = flat(renderer.render(assistance()));

    assertThat(text)
        .contains("No money was moved, as this is not our liability; we still assist you.")
        .contains("Please contact your bank or the issuer of your card without delay")
        .contains("We are not liable: what you reported")
        .contains("PD-5: " + PD5_EN)
        .contains("Our checks found nothing wrong with this payment.")
        .contains("No entries.")
        .doesNotContain("We refunded", "Wallet entry", "Customer ", "Our investigator’s conclusion");
  }

  @Test
  @DisplayName("PD-5 assistance for a customer error says to correct the payment details")
  void assistanceForCustomerError() {
    ResolutionDocument d = assistance();
    ResolutionDocument customerError = new ResolutionDocument(d.caseReference(), d.language(), null, d.issuedAt(), 1,
        d.report(), d.payment(), d.findings(),
        new Decision(Cause.CUSTOMER_ERROR, false, Remedy.ASSISTANCE, "PD-5", null), null, d.timeline());

    assertThat(flat(renderer.render(customerError)))
        .contains("Please check and correct the payment details in your account")
        .doesNotContain("issuer of your card");
  }

  @Test
  @DisplayName("round 2 says the case was reopened, in both languages")
  void reopened() {
    ResolutionDocument d = refund(Locale.ENGLISH);
    ResolutionDocument second = new ResolutionDocument(d.caseReference(), Locale.ENGLISH, d.customerName(),
        d.issuedAt(), 2, d.report(), d.payment(), d.findings(), d.decision(), d.adjustment(), d.timeline());
    ResolutionDocument secondFr = new ResolutionDocument(d.caseReference(), Locale.FRENCH, d.customerName(),
        d.issuedAt(), 2, d.report(), d.payment(), d.findings(), d.decision(), d.adjustment(), d.timeline());

    assertThat(flat(renderer.render(second)))
        .contains("Resolution no. 2, after your case was reopened")
        .doesNotContain("First resolution");
    assertThat(flat(renderer.render(secondFr))).contains("Résolution n° 2, après la réouverture de votre dossier");
  }

  @Test
  @DisplayName("a long description and a 120-entry timeline flow over several pages, nothing cut off or off the page")
  void longContentFlowsOverPages() throws IOException {
    String description = IntStream.rangeClosed(1, 60)
        .mapToObj(i -> "Paragraph " + i + " of my description, which goes on and on about the payment I do not "
            + "understand, the emails I sent and the calls I made to my bank.")
        .reduce((a, b) -> a + "\n" + b).orElseThrow()
        + "\nA link without spaces: https://example.com/" + "x".repeat(300) + " and the very last words.";
    List<TimelineLine> timeline = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      timeline.add(new TimelineLine(REPORTED.plus(Duration.ofHours(i)), "NOTE",
          String.format("Timeline message %03d: a note about what happened on the case at this point.", i)));
    }
    byte[] pdf = renderer.render(with(refund(Locale.ENGLISH), "Marie Dubois", description, timeline));
    String text = flat(pdf);

    try (PDDocument document = load(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(4);
      assertThat(text).contains("Page " + pages + " / " + pages);
      PDRectangle last = document.getPage(pages - 1).getMediaBox();
      assertThat(List.of(last.getWidth(), last.getHeight()))
          .containsExactly(PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      assertThat(glyphsOffThePage(document)).isEmpty();
    }
    assertThat(text)
        .contains("Paragraph 60 of my description")
        .contains("the very last words.")
        .contains("Timeline message 120: a note about what happened on the case at this point.");
    for (int i = 1; i <= 120; i++) {
      assertThat(text).contains(String.format("Timeline message %03d:", i));
    }
    // the long link is cut into lines, not lost
    assertThat(text.replace(" ", "")).contains("x".repeat(300));
  }

  /** The glyphs that lie outside the page's margins (the footer sits in the bottom margin, above 30 pt). */
  static List<String> glyphsOffThePage(PDDocument document) throws IOException {
    List<String> off = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) throws IOException {
        for (TextPosition p : positions) {
          float right = p.getXDirAdj() + p.getWidthDirAdj();
          float fromTop = p.getYDirAdj();
          if (p.getXDirAdj() < 50 || right > p.getPageWidth() - 50 || fromTop < 50
              || fromTop > p.getPageHeight() - 30) {
            off.add(p.getUnicode() + " at " + p.getXDirAdj() + "," + fromTop);
          }
        }
        super.writeString(text, positions);
      }
    };
    stripper.getText(document);
    return off;
  }

  @Test
  @DisplayName("Latin names and French punctuation print as typed, with the font embedded")
  void latinNames() throws IOException {
    byte[] pdf = renderer.render(with(refund(Locale.ENGLISH), "Łukasz Żółć",
        "François, Jürgen Straße, Ærøskøbing: « très » cher", List.of()));

    assertThat(flat(pdf))
        .contains("Customer Łukasz Żółć")
        .contains("François, Jürgen Straße, Ærøskøbing: « très » cher");
    try (PDDocument document = load(pdf)) {
      var fonts = document.getPage(0).getResources().getFontNames();
      assertThat(fonts).isNotEmpty();
      for (var name : fonts) {
        assertThat(document.getPage(0).getResources().getFont(name).isEmbedded()).isTrue();
      }
    }
  }

  @Test
  @DisplayName("characters the font lacks (CJK, emoji) print as ?, control characters go, line breaks stay")
  void unprintableCharacters() {
    ResolutionDocument odd = with(refund(Locale.ENGLISH), "王小明 👍",
        "line one\r\nline\u0007 two\u202e\nthanks 👍 请退款", List.of(
            new TimelineLine(REPORTED, "NOTE", "emoji in the timeline 🎉")));

    assertThatCode(() -> renderer.render(odd)).doesNotThrowAnyException();
    byte[] pdf = renderer.render(odd);
    assertThat(flat(pdf)).contains("Customer ??? ?");
    assertThat(text(pdf))
        .contains("line one\nline two\nthanks ? ???")
        .contains("emoji in the timeline ?")
        .doesNotContain("\u0007", "\u202e", "👍");
  }

  @Test
  @DisplayName("document information: title with the reference, catalog language, creation date = date of issue")
  void documentInformation() throws IOException {
    try (PDDocument english = load(renderer.render(refund(Locale.ENGLISH)));
        PDDocument french = load(renderer.render(refund(Locale.FRENCH)))) {
      assertThat(english.getDocumentInformation().getTitle())
          .isEqualTo("Payment investigation: resolution " + REFERENCE);
      assertThat(english.getDocumentCatalog().getLanguage()).isEqualTo("en");
      assertThat(english.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(ISSUED);
      assertThat(french.getDocumentInformation().getTitle())
          .isEqualTo("Enquête de paiement\u00a0: résolution " + REFERENCE);
      assertThat(french.getDocumentCatalog().getLanguage()).isEqualTo("fr");
      assertThat(french.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
    }
  }

  @Test
  @DisplayName("each finding is a sentence with its amounts, a plainer one when they are missing")
  void findings() {
    ResolutionDocument d = refund(Locale.ENGLISH);
    ResolutionDocument many = new ResolutionDocument(d.caseReference(), d.language(), d.customerName(), d.issuedAt(),
        1, d.report(), d.payment(), List.of(
            new CheckFinding(CheckFinding.Code.AMOUNT_DIFFERS_FROM_ORDER, null, TWELVE_FIFTY, Money.of(1000, "EUR")),
            CheckFinding.of(CheckFinding.Code.UNKNOWN_TO_PROCESSOR),
            new CheckFinding(CheckFinding.Code.PROCESSOR_RECORD_DIFFERS, null, TWELVE_FIFTY, Money.of(1100, "EUR")),
            new CheckFinding(CheckFinding.Code.ALREADY_REFUNDED, null, Money.of(250, "EUR"), null),
            new CheckFinding(CheckFinding.Code.DUPLICATE_CHARGE, "PAY-1003", null, null),
            CheckFinding.of(CheckFinding.Code.PROCESSOR_RECORD_DIFFERS)),
        d.decision(), d.adjustment(), d.timeline());

    assertThat(flat(renderer.render(many)))
        .contains("The amount charged, 12.50 EUR, differs from the amount of the order, 10.00 EUR.")
        .contains("The payment processor has no record of this charge.")
        .contains("differs from ours: we recorded 12.50 EUR, the processor 11.00 EUR.")
        .contains("2.50 EUR of this payment had already been refunded.")
        .contains("We found another payment, PAY-1003, for the same order and the same amount.")
        .contains("The payment processor’s record of this payment differs from ours. ");
  }

  @Test
  @DisplayName("a rule the document has no text for is refused rather than printed without its text")
  void unknownRule() {
    ResolutionDocument d = assistance();
    ResolutionDocument unknown = new ResolutionDocument(d.caseReference(), d.language(), null, d.issuedAt(), 1,
        d.report(), d.payment(), d.findings(),
        new Decision(Cause.FRAUD_NOT_MERCHANT, false, Remedy.ASSISTANCE, "RF-9", null), null, d.timeline());

    assertThatThrownBy(() -> renderer.render(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RF-9");
  }

  @Test
  @DisplayName("a document is consistent: money moved for a refund or balance adjustment, and only then")
  void inconsistentDocumentsAreRefused() {
    ResolutionDocument d = refund(Locale.ENGLISH);

    assertThatThrownBy(() -> new ResolutionDocument(REFERENCE, Locale.ENGLISH, null, ISSUED, 1, d.report(),
        d.payment(), d.findings(), d.decision(), null, d.timeline()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REFUND");
    assertThatThrownBy(() -> new ResolutionDocument(REFERENCE, Locale.ENGLISH, null, ISSUED, 1, d.report(),
        d.payment(), d.findings(), assistance().decision(), d.adjustment(), d.timeline()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ASSISTANCE");
    assertThatThrownBy(() -> new ResolutionDocument(REFERENCE, Locale.ENGLISH, null, ISSUED, 0, d.report(),
        d.payment(), d.findings(), d.decision(), d.adjustment(), d.timeline()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("round");
    assertThatThrownBy(() -> new Adjustment(Remedy.REFUND, TWELVE_FIFTY, "re_1", null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("paymentId");
    assertThatThrownBy(() -> new Adjustment(Remedy.NONE, TWELVE_FIFTY, "re_1", "PAY-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the lists are copied: changing the caller's list afterwards changes nothing")
  void listsAreCopied() {
    ResolutionDocument d = refund(Locale.ENGLISH);
    List<TimelineLine> timeline = new ArrayList<>(d.timeline());
    ResolutionDocument copy = with(d, null, "x", timeline);
    timeline.clear();

    assertThat(copy.timeline()).hasSize(1);
  }

  @Test
  @DisplayName("both bundles have the same keys and no plain apostrophe, which MessageFormat would drop")
  void bundlesMatch() throws IOException {
    Properties english = bundle("documents/resolution-document.properties");
    Properties french = bundle("documents/resolution-document_fr.properties");

    assertThat(french.keySet()).isEqualTo(english.keySet());
    for (Properties bundle : List.of(english, french)) {
      assertThat(bundle.values()).allSatisfy(value -> assertThat((String) value).doesNotContain("'"));
    }
    assertThat(english.keySet()).contains("rule.PD-3", "rule.PD-4", "rule.PD-5");
  }

  static Properties bundle(String path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ResolutionDocumentRendererTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
