package org.claimdesk.cases;

import java.util.Map;

/**
 * A claim feature's intake as the start page's form reaches it ({@link ClaimFormController}): the
 * form's fields, as the browser sent them, made into the feature's API request and filed by the
 * same intake service, with the same validation and idempotency, as the JSON API.
 */
public interface ClaimFormFiler {

  /** The form's key on the start page ({@code refund}, see {@code org.claimdesk.web.ClaimForms}). */
  String form();

  /**
   * Files the claim the form holds.
   *
   * @param fields the form's fields by name, each as sent
   * @param idempotencyKey the form's hidden key
   * @throws org.claimdesk.commerce.InvalidRecordException 400, bad fields
   * @throws IdempotencyKeyConflictException 409, the key came with another request
   * @throws org.claimdesk.commerce.UnprocessableRecordException 422, no such subject for that email
   */
  FiledClaim fileForm(Map<String, String> fields, String idempotencyKey);
}
