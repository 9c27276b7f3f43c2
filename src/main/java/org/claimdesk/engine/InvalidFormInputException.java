package org.claimdesk.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form was completed with input the process cannot act on. Thrown from a task's complete
 * listener, it rolls the completion back; Tasklist shows the message and keeps the task open.
 * A {@link BadUserRequestException}, so Camunda's REST API answers 400 with the message (which
 * names the field, never a value).
 */
public class InvalidFormInputException extends BadUserRequestException {

  public InvalidFormInputException(String message) {
    super(message);
  }
}
