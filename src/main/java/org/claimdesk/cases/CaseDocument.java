package org.claimdesk.cases;

import java.time.Instant;

/**
 * A document Claimdesk wrote for a case and gives its customer (the resolution of a payment
 * discrepancy, PD-6): what the case view, the staff and the email outbox see of it; the content
 * is read separately ({@link CaseDocuments#content}).
 *
 * @param id the row id as text, like {@link EvidenceItem#id()}: what the download paths and
 *     {@code CustomerNotifier.send(..., attachmentDocumentId)} take
 * @param kind {@link CaseDocuments#RESOLUTION}
 * @param language the case's language when the document was stored ({@code en} or {@code fr})
 */
public record CaseDocument(String id, String kind, String fileName, String contentType, String language,
    long sizeBytes, Instant createdAt) {
}
