package org.claimdesk.cases;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the support mailbox ({@code org.claimdesk.mailbox}) does on a case: its customer's mail
 * lands on the case as an upload on the page would ({@link CustomerCases#addMailedReply}). The
 * mailbox has checked the sender against the case's customer; there is no token in a mail.
 */
@Service
public class CustomerMail {

  private final CustomerCases customerCases;

  CustomerMail(CustomerCases customerCases) {
    this.customerCases = customerCases;
  }

  /**
   * The mail's words on the timeline and its files as evidence, in the caller's transaction.
   *
   * @param files the mail's files (name, declared type, bytes)
   * @param refusedBefore names of files refused already (too large)
   * @return the names of the files stored as evidence
   */
  @Transactional
  public List<String> addToCase(String reference, String text, List<EvidenceUpload> files, List<String> refusedBefore) {
    return customerCases.addMailedReply(reference, text, files, refusedBefore);
  }
}
