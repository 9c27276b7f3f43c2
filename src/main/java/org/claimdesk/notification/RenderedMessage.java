package org.claimdesk.notification;

import java.util.Locale;

/**
 * A customer message ready to send.
 *
 * @param language {@code en} or {@code fr}, the language it is written in
 * @param textBody the plain-text email, ending with the private case link
 * @param htmlBody the same as HTML, ending with the private case link
 * @param timelineText the plain text without the link, for the case timeline: the customer reads
 *     the timeline on the case page itself, and the link (which carries the access token) is
 *     kept out of the case record
 */
record RenderedMessage(Locale language, String subject, String textBody, String htmlBody, String timelineText) {
}
