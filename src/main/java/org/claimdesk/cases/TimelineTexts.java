package org.claimdesk.cases;

import java.util.List;
import java.util.Locale;

/** The timeline's record of the customer's own actions, in the case's language (en or fr). */
final class TimelineTexts {

  private TimelineTexts() {
  }

  static String evidenceReceived(Locale language, List<String> fileNames) {
    String files = String.join(", ", fileNames);
    return french(language) ? "Pièces reçues : " + files + "." : "Evidence received: " + files + ".";
  }

  /** A customer's mail on the case: their own words (the quoted mail left out), and any file not kept. */
  static String mailReceived(Locale language, String text, List<String> refusedFiles) {
    String words = text == null || text.isBlank() ? "" : text.strip();
    if (words.length() > MAX_MAIL_TEXT) {
      words = words.substring(0, MAX_MAIL_TEXT - 1) + "…";
    }
    StringBuilder entry = new StringBuilder(french(language) ? "E-mail reçu" : "Email received");
    entry.append(words.isEmpty() ? "." : ": " + words);
    if (!refusedFiles.isEmpty()) {
      entry.append(french(language) ? " Pièces non conservées (type ou taille refusés, ou plus de place) : "
          : " Files not kept (type or size refused, or no room left): ").append(String.join(", ", refusedFiles)).append('.');
    }
    return entry.toString();
  }

  /** The longest part of a mail kept on a timeline entry. */
  static final int MAX_MAIL_TEXT = 3000;

  static String offerAccepted(Locale language) {
    return french(language) ? "Vous avez accepté l'offre." : "You accepted the offer.";
  }

  static String offerDeclined(Locale language) {
    return french(language) ? "Vous avez refusé l'offre." : "You declined the offer.";
  }

  static String feedbackReceived(Locale language, boolean satisfied, String comment) {
    String text;
    if (french(language)) {
      text = satisfied ? "Votre avis : satisfait." : "Votre avis : pas satisfait.";
      return comment == null ? text : text + " Commentaire : " + comment;
    }
    text = satisfied ? "Your feedback: satisfied." : "Your feedback: not satisfied.";
    return comment == null ? text : text + " Comment: " + comment;
  }

  static String withdrawn(Locale language, CaseType type) {
    if (type == CaseType.SUBSCRIPTION_CANCELLATION) {
      return french(language) ? "Vous avez annulé votre demande de résiliation."
          : "You withdrew your cancellation request.";
    }
    return french(language) ? "Vous avez retiré votre demande." : "You withdrew your request.";
  }

  private static boolean french(Locale language) {
    return language != null && "fr".equals(language.getLanguage());
  }
}
