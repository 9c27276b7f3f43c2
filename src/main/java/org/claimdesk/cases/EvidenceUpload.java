package org.claimdesk.cases;

/** One file as the customer uploaded it: the name and type their browser declared, and the bytes. */
public record EvidenceUpload(String originalFileName, String declaredType, byte[] content) {
}
