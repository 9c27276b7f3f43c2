package org.claimdesk.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A form was completed with input the process cannot act on. Thrown from a task's complete
 * listener, it rolls the completion back; Tasklist shows the message and keeps the task open.
 */
public class InvalidFormInputException extends ProcessEngineException {

  public InvalidFormInputException(String message) {
    super(message);
  }
}
