package org.claimdesk.cases;

import java.time.Instant;

/** One entry of a case's timeline: a message to the customer or an action of theirs. */
public record TimelineEntry(Instant at, String kind, String message) {
}
