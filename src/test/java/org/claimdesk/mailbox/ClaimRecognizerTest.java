package org.claimdesk.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClaimRecognizerTest {

  static final MailSubjects.Sender MARIE = new MailSubjects.Sender("cus-marie", "Marie Dubois",
      "marie.dubois@example.com", "fr");

  static ReceivedMail mail(String subject, String text) {
    return new ReceivedMail("id@x", "marie.dubois@example.com", "Marie Dubois", subject, text, null, List.of(),
        List.of(), null, Optional.empty(), List.of());
  }

  @Test
  @DisplayName("Candidate ids: words with a digit or a separator, from the subject and the own text only")
  void candidates() {
    ReceivedMail mail = mail("Commande ord-recharge-10h", "Bonjour, ma commande 12345 pour 50 EUR.\n> quoted ord-other-1");
    assertThat(ClaimRecognizer.candidates(mail)).contains("ord-recharge-10h", "12345")
        .doesNotContain("Bonjour", "commande", "ord-other-1");
  }

  @Test
  @DisplayName("Amounts as customers write them, in minor units with their currency (WR-2's report gives the amount)")
  void amounts() {
    assertThat(ClaimRecognizer.amounts(mail("Recharge de 50 EUR", "J'ai payé 49,90 € puis €12.5 et $20, ref 2026")))
        .containsExactlyInAnyOrder(new ClaimRecognizer.Amount(5000, "EUR"), new ClaimRecognizer.Amount(4990, "EUR"),
            new ClaimRecognizer.Amount(1250, "EUR"), new ClaimRecognizer.Amount(2000, "USD"));
  }

  @Test
  @DisplayName("WR-2 in French: a recharge order of the sender named with 'pas reçu' is a wallet claim, payer from the text")
  void frenchWalletReport() {
    ReceivedMail mail = mail("Recharge non reçue", """
        Bonjour,
        J'ai payé la recharge de mon portefeuille (commande ord-recharge-10h, 50 EUR) et je ne l'ai pas reçue.
        Nom du payeur : Jean Dubois
        Merci""");
    var named = List.of(new MailSubjects.Named(MailSubjects.Kind.ORDER, "ord-recharge-10h", "WALLET_RECHARGE"));

    ClaimRecognizer.Recognition recognition = ClaimRecognizer.recognise(mail, MARIE, named);

    assertThat(recognition.form()).isEqualTo("wallet");
    assertThat(recognition.fields()).containsEntry("orderId", "ord-recharge-10h").containsEntry("payerName", "Jean Dubois")
        .containsEntry("email", "marie.dubois@example.com").containsEntry("language", "fr");
  }

  @Test
  @DisplayName("PD-1 in English: a payment charged twice is a duplicate-charge report by EMAIL")
  void duplicateCharge() {
    ReceivedMail mail = mail("Charged twice", "Hello, I was charged twice for payment pay-dup-1. Please fix it.");
    var named = List.of(new MailSubjects.Named(MailSubjects.Kind.PAYMENT, "pay-dup-1", "DIGITAL"));

    ClaimRecognizer.Recognition recognition = ClaimRecognizer.recognise(mail, MARIE, named);

    assertThat(recognition.form()).isEqualTo("discrepancy");
    assertThat(recognition.fields()).containsEntry("kind", "DUPLICATE_CHARGE").containsEntry("channel", "EMAIL")
        .containsEntry("language", "en");
  }

  @Test
  @DisplayName("RF-1: a refund with a plain reason is filed; without one, or a cancellation (SC-3 refunds at once), or two records, goes to triage")
  void unclearGoesToTriage() {
    var service = List.of(new MailSubjects.Named(MailSubjects.Kind.ORDER, "ord-1", "SERVICE"));
    assertThat(ClaimRecognizer.recognise(mail("Refund", "I want a refund for ord-1, it was never delivered."), MARIE,
        service).fields()).containsEntry("reason", "NOT_DELIVERED");
    assertThat(ClaimRecognizer.recognise(mail("Refund", "I want a refund for ord-1."), MARIE, service).recognised())
        .isFalse();
    assertThat(ClaimRecognizer.recognise(mail("Résiliation", "Je veux résilier sub-1"), MARIE,
        List.of(new MailSubjects.Named(MailSubjects.Kind.SUBSCRIPTION, "sub-1", "SUBSCRIPTION"))).recognised())
        .isFalse();
    assertThat(ClaimRecognizer.recognise(mail("x", "refund ord-1 and ord-2 never delivered"), MARIE, List.of(
        service.get(0), new MailSubjects.Named(MailSubjects.Kind.ORDER, "ord-2", "SERVICE"))).recognised()).isFalse();
    assertThat(ClaimRecognizer.recognise(mail("Hello", "Where is my stuff?"), MARIE, List.of()).recognised()).isFalse();
  }
}
