package org.claimdesk.mailbox;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.commerce.ShopId;

/**
 * What claim a customer's new mail makes, where its text says so plainly (EN, FR): the kind of
 * claim and the sender's order, payment or subscription it names. Anything less than plain goes
 * to a support agent's triage task instead, with what was recognised shown as a hint. A
 * cancellation is never filed from a mail's words alone: under SC-3 it can refund at once, so an
 * agent confirms its mode and refund (it goes to triage with the subscription found).
 *
 * <p>The words are those of the merchant's policies: WR-2's report of a recharge that did not
 * arrive, PD-1's duplicate or unauthorised charge, RF-1's refund of a service not delivered, not
 * as described or not rendered.
 */
final class ClaimRecognizer {

  /**
   * A claim as the start page's form would send it ({@code form} its key), or why none is plain;
   * either way the one record of the sender the mail names ({@code subject}, null when none or
   * several) and the mail's language, which a triage task starts from.
   */
  record Recognition(String form, Map<String, String> fields, String hint, MailSubjects.Named subject,
      String language) {

    boolean recognised() {
      return form != null;
    }
  }

  /** Ids as shops write them, with a digit or a separator in them (so plain words are not looked up). */
  private static final Pattern CANDIDATE = Pattern.compile("(?<![A-Za-z0-9._:-])([A-Za-z0-9][A-Za-z0-9._:-]{2,63})(?![A-Za-z0-9_:-])");
  private static final int MAX_CANDIDATES = 40;

  private static final List<String> WALLET = List.of("wallet", "recharge", "top up", "top-up", "topup",
      "portefeuille", "rechargement", "recharger", "credit", "solde");
  private static final List<String> NOT_ARRIVED = List.of("not arrived", "didn't arrive", "did not arrive",
      "not received", "never received", "not credited", "missing", "n'est pas arrive", "pas arrive",
      "pas recu", "jamais recu", "pas credite", "non credite", "toujours pas", "manquant");
  private static final List<String> DUPLICATE = List.of("twice", "double charge", "charged two times",
      "duplicate", "two charges", "deux fois", "double prelevement", "doublon", "preleve deux", "debite deux",
      "facture deux");
  private static final List<String> UNAUTHORISED = List.of("not authorised", "not authorized", "unauthorised",
      "unauthorized", "fraud", "didn't authorise", "did not authorise", "didn't authorize", "did not authorize",
      "non autorise", "pas autorise", "fraude", "je n'ai pas autorise");
  private static final List<String> REFUND = List.of("refund", "money back", "reimburse", "rembourse",
      "remboursement", "rendre mon argent");
  private static final Map<String, List<String>> REFUND_REASONS = reasons();
  private static final List<String> CANCEL = List.of("cancel", "unsubscribe", "terminate", "resilier",
      "resiliation", "annuler", "desabonner", "desinscrire", "arreter mon abonnement");

  private static final Pattern PAYER = Pattern.compile(
      "(?im)^\\s*(?:payer(?:'s)? name|paid by|nom du payeur|payeur|pay[ée] par)\\s*[:\\-]?\\s*(\\S[^\\n]{0,199}?)\\s*$");

  private ClaimRecognizer() {
  }

  private static Map<String, List<String>> reasons() {
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    reasons.put("NOT_DELIVERED", List.of("not delivered", "never delivered", "never received", "not received",
        "didn't receive", "did not receive", "never came", "no show", "pas ete livre", "non livre", "pas recu",
        "jamais recu", "jamais eu lieu", "pas eu lieu", "n'a pas eu lieu"));
    reasons.put("NOT_AS_DESCRIBED", List.of("not as described", "not what was described", "different from",
        "non conforme", "pas conforme", "ne correspond pas"));
    reasons.put("SERVICE_ISSUE", List.of("badly done", "poorly done", "did not work", "didn't work", "broken",
        "defective", "mal fait", "mal realise", "ne fonctionne pas", "n'a pas fonctionne", "defectueux"));
    reasons.put("BILLING_ERROR", List.of("wrong amount", "overcharged", "billing error", "mauvais montant",
        "erreur de facturation", "trop facture"));
    reasons.put("CHANGED_MIND", List.of("changed my mind", "no longer want", "don't want it", "change d'avis",
        "ne veux plus"));
    return reasons;
  }

  /** An amount as customers write it: "50 EUR", "49,90 €", "€50", "EUR 12.5", "$20". */
  record Amount(long minor, String currency) {
  }

  private static final Pattern AMOUNT_AFTER = Pattern.compile(
      "(?<![\\w.,])(\\d{1,7})(?:[.,](\\d{1,2}))?\\s?(€|eur(?:os?)?\\b|\\$|usd\\b|£|gbp\\b|chf\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern AMOUNT_BEFORE = Pattern.compile(
      "(€|\\beur\\b|\\$|\\busd\\b|£|\\bgbp\\b|\\bchf\\b)\\s?(\\d{1,7})(?:[.,](\\d{1,2}))?(?![\\d])",
      Pattern.CASE_INSENSITIVE);

  /** The amounts the mail's subject and own words name, in minor units with their currency. */
  static List<Amount> amounts(ReceivedMail mail) {
    String text = mail.subject() + "\n" + mail.ownText();
    Set<Amount> found = new LinkedHashSet<>();
    Matcher after = AMOUNT_AFTER.matcher(text);
    while (after.find()) {
      found.add(amount(after.group(1), after.group(2), after.group(3)));
    }
    Matcher before = AMOUNT_BEFORE.matcher(text);
    while (before.find()) {
      found.add(amount(before.group(2), before.group(3), before.group(1)));
    }
    return List.copyOf(found);
  }

  private static Amount amount(String units, String cents, String currency) {
    long minor = Long.parseLong(units) * 100 + (cents == null ? 0 : Long.parseLong(cents.length() == 1 ? cents + "0" : cents));
    String code = switch (currency.toLowerCase(Locale.ROOT)) {
      case "€", "eur", "euro", "euros" -> "EUR";
      case "$", "usd" -> "USD";
      case "£", "gbp" -> "GBP";
      case "chf" -> "CHF";
      default -> null;
    };
    return new Amount(minor, code);
  }

  /** The ids the mail may name: its subject's and its own text's, at most {@value #MAX_CANDIDATES}. */
  static Set<String> candidates(ReceivedMail mail) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher matcher = CANDIDATE.matcher(mail.subject() + "\n" + mail.ownText());
    while (matcher.find() && ids.size() < MAX_CANDIDATES) {
      String id = matcher.group(1).replaceAll("[.:]+$", "");
      if (id.matches(ShopId.PATTERN) && id.matches(".*[0-9_-].*")) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The claim, if the mail makes one plainly.
   *
   * @param named the sender's records the mail names ({@link MailSubjects#named})
   */
  static Recognition recognise(ReceivedMail mail, MailSubjects.Sender sender, List<MailSubjects.Named> named) {
    String words = fold(mail.subject() + "\n" + mail.ownText());
    String language = language(mail, words, sender);
    List<String> ids = named.stream().map(MailSubjects.Named::id).distinct().toList();
    if (ids.isEmpty()) {
      return new Recognition(null, Map.of(), "no order, payment or subscription of the sender is named", null, language);
    }
    if (ids.size() > 1) {
      return new Recognition(null, Map.of(), "several of the sender's records are named: " + String.join(", ", ids),
          null, language);
    }
    MailSubjects.Named subject = named.get(0);
    Claim claim = claim(mail, sender, subject, words, language);
    return new Recognition(claim.form(), claim.fields(), claim.hint(), subject, language);
  }

  /** What the mail plainly asks about its one record: a form and its fields, or ({@code form} null) why it is not plain. */
  private record Claim(String form, Map<String, String> fields, String hint) {

    static Claim unclear(String hint) {
      return new Claim(null, Map.of(), hint);
    }
  }

  private static Claim claim(ReceivedMail mail, MailSubjects.Sender sender, MailSubjects.Named subject, String words,
      String language) {
    String description = description(mail);
    switch (subject.kind()) {
      case ORDER -> {
        if ("WALLET_RECHARGE".equals(subject.productType()) && (any(words, WALLET) || any(words, NOT_ARRIVED))) {
          return new Claim("wallet", Map.of("orderId", subject.id(), "payerName", payerName(mail, sender),
              "email", mail.fromAddress(), "language", language),
              "WR-2: the recharge of order " + subject.id() + " did not arrive");
        }
        if (("SERVICE".equals(subject.productType()) || "DIGITAL".equals(subject.productType())) && any(words, REFUND)) {
          Optional<String> reason = reason(words);
          if (reason.isPresent() && !description.isEmpty()) {
            return new Claim("refund", Map.of("orderId", subject.id(), "email", mail.fromAddress(),
                "reason", reason.get(), "description", description, "language", language),
                "RF-1: a refund of order " + subject.id() + ", " + reason.get());
          }
          return Claim.unclear("a refund of order " + subject.id() + " is asked, but not plainly why");
        }
        if ("SUBSCRIPTION".equals(subject.productType()) && any(words, CANCEL)) {
          return Claim.unclear("a cancellation of the subscription of order " + subject.id()
              + ": an agent confirms its mode and refund (SC-2, SC-3)");
        }
        return Claim.unclear("order " + subject.id() + " is named, but not plainly what is asked");
      }
      case PAYMENT -> {
        String kind = any(words, DUPLICATE) ? "DUPLICATE_CHARGE" : any(words, UNAUTHORISED) ? "UNAUTHORIZED" : null;
        if (kind != null && !description.isEmpty()) {
          return new Claim("discrepancy", Map.of("paymentId", subject.id(), "email", mail.fromAddress(),
              "kind", kind, "description", description, "channel", "EMAIL", "language", language),
              "PD-1: " + kind + " on payment " + subject.id());
        }
        return Claim.unclear("payment " + subject.id() + " is named, but not plainly what is wrong with it");
      }
      default -> {
        return Claim.unclear("subscription " + subject.id() + " is named"
            + (any(words, CANCEL) ? ": a cancellation, which an agent confirms (SC-2, SC-3)" : ""));
      }
    }
  }

  /** {@code en} or {@code fr}: the mail's Content-Language, else the words it uses, else the customer's. */
  static String language(ReceivedMail mail, String foldedWords, MailSubjects.Sender sender) {
    if (mail.contentLanguage() != null && mail.contentLanguage().matches("(en|fr)(-.*)?")) {
      return mail.contentLanguage().substring(0, 2);
    }
    int french = count(foldedWords, List.of(" je ", " j'", " ma ", " mon ", " mes ", " le ", " la ", " les ", " une ",
        " pas ", " est ", " bonjour", " merci", " commande", " pour ", " vous "));
    int english = count(foldedWords, List.of(" i ", " my ", " the ", " is ", " was ", " not ", " hello", " thank",
        " order", " for ", " you ", " please"));
    if (french != english) {
      return french > english ? "fr" : "en";
    }
    return sender.language() == null ? "en" : sender.language();
  }

  /** The payer a mail names ("Payer name: ...", "Nom du payeur : ..."), else its sender's display name, else the customer's name. */
  static String payerName(ReceivedMail mail, MailSubjects.Sender sender) {
    Matcher payer = PAYER.matcher(mail.ownText());
    if (payer.find()) {
      return payer.group(1).strip();
    }
    if (mail.fromName() != null && !mail.fromName().isBlank()) {
      return mail.fromName().strip();
    }
    return sender.name();
  }

  /** The description a claim keeps: the subject and the customer's own words, within the API's 4,000 characters. */
  static String description(ReceivedMail mail) {
    String text = (mail.subject().isBlank() ? "" : mail.subject() + "\n\n") + mail.ownText();
    text = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
    return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
  }

  private static Optional<String> reason(String words) {
    return REFUND_REASONS.entrySet().stream()
        .filter(entry -> any(words, entry.getValue()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static boolean any(String words, List<String> phrases) {
    return phrases.stream().anyMatch(words::contains);
  }

  private static int count(String words, List<String> markers) {
    int n = 0;
    for (String marker : markers) {
      for (int at = words.indexOf(marker); at >= 0; at = words.indexOf(marker, at + 1)) {
        n++;
      }
    }
    return n;
  }

  /** Lower case, accents taken off, apostrophes made plain, one space between words. */
  static String fold(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return " " + plain.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^a-z0-9'\\-]+", " ").strip() + " ";
  }
}
