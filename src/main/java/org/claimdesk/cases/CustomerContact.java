package org.claimdesk.cases;

import java.util.Locale;

/** Whom a case's messages go to, and in which language (en or fr). */
public record CustomerContact(String name, String email, Locale language) {
}
