package org.claimdesk.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form was completed with input the process cannot act on. Thrown from a task's complete
 * listener, it rolls the completion back; Tasklist shows the message and keeps the task open.
 * A {@link FormFieldValidationException}, so Camunda's REST API answers a completion or form
 * submission with 400 and the message (which names the field, never a value).
 */
public class InvalidFormInputException extends FormFieldValidationException {

  public InvalidFormInputException(String message) {
    super(null, message);
  }
}
