package org.claimdesk.notification;

import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer's private link as the outbox keeps it: with {@link #TOKEN_PLACEHOLDER} where the
 * access token goes. A stored body never holds a token; {@link #restore} puts the link back in
 * when the email is sent (or, on the demo mailbox page, shown), from the case's salt and the
 * token secret, so reading the outbox table or its API gives no one a way into a case.
 */
final class PrivateLinks {

  /** Stands for the token in stored bodies; letters and hyphens only, so URLs and HTML keep it as is. */
  static final String TOKEN_PLACEHOLDER = "TOKEN-ADDED-WHEN-SENT";

  static final String TOKEN_PARAMETER = "token";

  private PrivateLinks() {
  }

  /** The link with the placeholder for its token; a link without a token as it is. */
  static String redacted(String privateLink) {
    UriComponentsBuilder link = UriComponentsBuilder.fromUriString(privateLink);
    if (!link.build().getQueryParams().containsKey(TOKEN_PARAMETER)) {
      return privateLink;
    }
    return link.replaceQueryParam(TOKEN_PARAMETER, TOKEN_PLACEHOLDER).build().toUriString();
  }

  /**
   * The stored body with its redacted link (plain, and HTML-escaped as in an attribute) replaced by
   * the private link; a body without it (a staff notice) is returned unchanged.
   */
  static String restore(String body, String privateLink) {
    if (body == null) {
      return null;
    }
    String redacted = redacted(privateLink);
    String restored = body.replace(redacted, privateLink);
    String escapedRedacted = HtmlUtils.htmlEscape(redacted);
    return escapedRedacted.equals(redacted) ? restored
        : restored.replace(escapedRedacted, HtmlUtils.htmlEscape(privateLink));
  }
}
