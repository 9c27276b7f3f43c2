package org.claimdesk.engine;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Issue #20 point 2: whoever may work a task may set only the variables its form owns. Every way
 * a caller hands variables to a task (complete, submit the form, set, update or remove variables,
 * throw a BPMN error or escalation with variables) passes through {@link #check}: a variable the
 * task's form does not show is refused, a read-only field must come back unchanged, and nothing is
 * written. So a support agent cannot slip {@code customerId}, {@code orderAmount} or
 * {@code caseReference} into a completion; what the form lets them type is then checked by the
 * task's complete listener (the form rules).
 *
 * <p>A task's form is its {@code camunda:formRef} (binding deployment), so the fields per process
 * definition and task are fixed once deployed and kept here after the first look-up.
 */
final class FormVariableGuard {

  private final Map<String, FormFields> fieldsByTaskDefinition = new ConcurrentHashMap<>();
  private final Map<String, FormFields> startFieldsByDefinition = new ConcurrentHashMap<>();

  /** A definition whose start event links no deployed form. */
  private static final FormFields START_WITHOUT_FORM = new FormFields(null, Set.of(), Set.of());

  /** A completion, a form submission, a BPMN error or escalation with variables: 400 when refused. */
  void check(CommandExecutor commandExecutor, String taskId, Map<String, ?> variables) {
    if (taskId == null || variables == null || variables.isEmpty()) {
      return;
    }
    commandExecutor.execute(context -> {
      checkIn(context, taskId, variables);
      return null;
    });
  }

  /**
   * A direct write of a task's variables (set, update): working a task gives no right to write a
   * variable its form does not own, so a refusal is an {@link AuthorizationException} (403).
   */
  void checkWrite(CommandExecutor commandExecutor, String taskId, Map<String, ?> variables) {
    try {
      check(commandExecutor, taskId, variables);
    } catch (InvalidFormInputException refused) {
      throw new VariableNotOwnedException(refused.getMessage());
    }
  }

  /**
   * Runs a completion and, when a complete listener refused the form ({@link InvalidFormInputException},
   * which the engine wraps in "Exception while invoking TaskListener"), throws that refusal itself, so
   * the caller (Tasklist, the REST API: 400) gets the form rule's message and nothing of the engine's.
   */
  static <T> T unwrappingFormRules(Supplier<T> completion) {
    try {
      return completion.get();
    } catch (ProcessEngineException failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidFormInputException refused) {
          throw refused;
        }
      }
      throw failure;
    }
  }

  static void unwrappingFormRules(Runnable completion) {
    unwrappingFormRules(() -> {
      completion.run();
      return null;
    });
  }

  /** Refused: a variable the task's form does not own. */
  static final class VariableNotOwnedException extends AuthorizationException {
    VariableNotOwnedException(String message) {
      super(message);
    }
  }

  /**
   * A start form submission (Tasklist's "Start process", {@code submit-form}): for a definition whose
   * start event links a Camunda Form, only the form's editable fields may be set (a start has no
   * value yet for a read-only one); 400 when refused, and nothing is started. A definition without a
   * deployed start form is left to its own rights: the engine's authorization decides who may start it.
   */
  void checkStart(CommandExecutor commandExecutor, String processDefinitionId, Map<String, ?> variables) {
    if (processDefinitionId == null || variables == null || variables.isEmpty()) {
      return;
    }
    FormFields known = startFieldsByDefinition.get(processDefinitionId);
    FormFields fields = known != null ? known
        : commandExecutor.execute(context -> loadStart(context, processDefinitionId));
    if (fields == null) {
      return; // no such definition: the command itself reports it
    }
    startFieldsByDefinition.putIfAbsent(processDefinitionId, fields);
    if (fields == START_WITHOUT_FORM) {
      return;
    }
    List<String> notOwned = variables.keySet().stream().filter(name -> !fields.editable().contains(name))
        .sorted().toList();
    if (!notOwned.isEmpty()) {
      throw new InvalidFormInputException("The start form " + formName(fields) + " does not own the variable(s) "
          + String.join(", ", notOwned) + ": a start may set only its form's fields"
          + (fields.editable().isEmpty() ? "." : " (" + String.join(", ", fields.editable()) + ")."));
    }
  }

  /** The definition's deployed start form, read whatever the caller's rights (the start checks them). */
  private static FormFields loadStart(CommandContext context, String processDefinitionId) {
    context.disableAuthorizationCheck();
    try {
      InputStream form = new GetDeployedStartFormCmd(processDefinitionId).execute(context);
      return FormFields.parse(form);
    } catch (NotFoundException linkedFormMissing) {
      return FormFields.NONE; // the start event names a form the deployment lacks: it owns nothing
    } catch (BadUserRequestException noForm) {
      return START_WITHOUT_FORM;
    } catch (NullValueException noDefinition) {
      return null;
    } finally {
      context.enableAuthorizationCheck();
    }
  }

  /** A removal of a task's variables: only the form's editable fields (403 otherwise). */
  void checkRemoval(CommandExecutor commandExecutor, String taskId, Collection<String> names) {
    if (taskId == null || names == null || names.isEmpty()) {
      return;
    }
    commandExecutor.execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task != null) {
        FormFields fields = fieldsOf(context, task);
        List<String> refused = names.stream().filter(name -> !fields.editable().contains(name)).sorted().toList();
        if (!refused.isEmpty()) {
          throw new VariableNotOwnedException(refusal(task, fields, refused).getMessage());
        }
      }
      return null;
    });
  }

  private void checkIn(CommandContext context, String taskId, Map<String, ?> variables) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the command itself reports the unknown task, as the engine always did
    }
    FormFields fields = fieldsOf(context, task);
    TreeSet<String> notOwned = new TreeSet<>();
    TreeSet<String> changed = new TreeSet<>();
    variables.forEach((name, value) -> {
      if (fields.editable().contains(name)) {
        return;
      }
      if (!fields.readOnly().contains(name)) {
        notOwned.add(name);
      } else if (!sameValue(value, task.getVariable(name))) {
        changed.add(name);
      }
    });
    if (!notOwned.isEmpty()) {
      throw refusal(task, fields, List.copyOf(notOwned));
    }
    if (!changed.isEmpty()) {
      throw new InvalidFormInputException("The form " + formName(fields) + " of task " + task.getTaskDefinitionKey()
          + " shows " + String.join(", ", changed) + " read-only: submit them unchanged or leave them out.");
    }
  }

  private static InvalidFormInputException refusal(TaskEntity task, FormFields fields, List<String> names) {
    return new InvalidFormInputException("The form " + formName(fields) + " of task " + task.getTaskDefinitionKey()
        + " does not own the variable(s) " + String.join(", ", names) + ": a task may set only its form's fields"
        + (fields.editable().isEmpty() ? "." : " (" + String.join(", ", fields.editable()) + ")."));
  }

  private static String formName(FormFields fields) {
    return fields.formId() == null ? "(none)" : fields.formId();
  }

  private FormFields fieldsOf(CommandContext context, TaskEntity task) {
    if (task.getProcessDefinitionId() == null) {
      return FormFields.NONE; // a standalone task has no form
    }
    String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
    FormFields known = fieldsByTaskDefinition.get(key);
    if (known != null) {
      return known;
    }
    FormFields fields = load(context, task.getId());
    fieldsByTaskDefinition.put(key, fields);
    return fields;
  }

  /** The task's deployed form, read whatever the caller's rights (they are checked by the command itself). */
  private static FormFields load(CommandContext context, String taskId) {
    context.disableAuthorizationCheck();
    try {
      InputStream form = new GetDeployedTaskFormCmd(taskId).execute(context);
      return FormFields.parse(form);
    } catch (BadUserRequestException noDeployedForm) {
      return FormFields.NONE;
    } finally {
      context.enableAuthorizationCheck();
    }
  }

  /** A read-only field comes back as Tasklist showed it: same text, same number, or empty for nothing. */
  static boolean sameValue(Object submitted, Object current) {
    Object value = submitted instanceof TypedValue typed ? typed.getValue() : submitted;
    Object stored = current instanceof TypedValue typed ? typed.getValue() : current;
    if (isEmpty(value) && isEmpty(stored)) {
      return true;
    }
    if (value instanceof Number a && stored instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(value, stored);
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String text && text.isEmpty());
  }
}
