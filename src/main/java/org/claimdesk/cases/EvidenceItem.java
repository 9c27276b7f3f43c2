package org.claimdesk.cases;

import java.time.Instant;

/** A file the customer attached to a case: what staff see of it (the content is read separately). */
public record EvidenceItem(String id, String fileName, String contentType, long size, Instant receivedAt) {
}
