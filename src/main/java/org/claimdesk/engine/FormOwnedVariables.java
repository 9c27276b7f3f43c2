package org.claimdesk.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Installs the engine's task and form services with {@link FormVariableGuard} in front of every
 * call that hands a task variables: the REST API, Tasklist and the application all reach the
 * engine through these two services, so no caller can set a variable a task's form does not own.
 */
@Component
class FormOwnedVariables extends AbstractProcessEnginePlugin {

  private final FormVariableGuard guard = new FormVariableGuard();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new GuardedTaskService(guard));
    configuration.setFormService(new GuardedFormService(guard));
  }

  /** The task service, each variable-writing call checked first. */
  static final class GuardedTaskService extends TaskServiceImpl {

    private final FormVariableGuard guard;

    GuardedTaskService(FormVariableGuard guard) {
      this.guard = guard;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
      guard.check(commandExecutor, taskId, variables);
      FormVariableGuard.unwrappingFormRules(() -> super.complete(taskId, variables));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
        boolean deserializeValues) {
      guard.check(commandExecutor, taskId, variables);
      return FormVariableGuard.unwrappingFormRules(
          () -> super.completeWithVariablesInReturn(taskId, variables, deserializeValues));
    }

    @Override
    public void setVariable(String taskId, String variableName, Object value) {
      guard.checkWrite(commandExecutor, taskId, singleton(variableName, value));
      super.setVariable(taskId, variableName, value);
    }

    @Override
    public void setVariableLocal(String taskId, String variableName, Object value) {
      guard.checkWrite(commandExecutor, taskId, singleton(variableName, value));
      super.setVariableLocal(taskId, variableName, value);
    }

    @Override
    public void setVariables(String taskId, Map<String, ? extends Object> variables) {
      guard.checkWrite(commandExecutor, taskId, variables);
      super.setVariables(taskId, variables);
    }

    @Override
    public void setVariablesLocal(String taskId, Map<String, ? extends Object> variables) {
      guard.checkWrite(commandExecutor, taskId, variables);
      super.setVariablesLocal(taskId, variables);
    }

    @Override
    public void updateVariables(String taskId, Map<String, ? extends Object> modifications,
        Collection<String> deletions) {
      guard.checkWrite(commandExecutor, taskId, modifications);
      guard.checkRemoval(commandExecutor, taskId, deletions);
      super.updateVariables(taskId, modifications, deletions);
    }

    @Override
    public void updateVariablesLocal(String taskId, Map<String, ? extends Object> modifications,
        Collection<String> deletions) {
      guard.checkWrite(commandExecutor, taskId, modifications);
      guard.checkRemoval(commandExecutor, taskId, deletions);
      super.updateVariablesLocal(taskId, modifications, deletions);
    }

    @Override
    public void removeVariable(String taskId, String variableName) {
      guard.checkRemoval(commandExecutor, taskId, List.of(variableName));
      super.removeVariable(taskId, variableName);
    }

    @Override
    public void removeVariableLocal(String taskId, String variableName) {
      guard.checkRemoval(commandExecutor, taskId, List.of(variableName));
      super.removeVariableLocal(taskId, variableName);
    }

    @Override
    public void removeVariables(String taskId, Collection<String> variableNames) {
      guard.checkRemoval(commandExecutor, taskId, variableNames);
      super.removeVariables(taskId, variableNames);
    }

    @Override
    public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
      guard.checkRemoval(commandExecutor, taskId, variableNames);
      super.removeVariablesLocal(taskId, variableNames);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
      guard.check(commandExecutor, taskId, variables);
      super.handleBpmnError(taskId, errorCode, errorMessage, variables);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
      guard.check(commandExecutor, taskId, variables);
      super.handleEscalation(taskId, escalationCode, variables);
    }

    private static Map<String, Object> singleton(String name, Object value) {
      HashMap<String, Object> variables = new HashMap<>();
      variables.put(name, value);
      return variables;
    }
  }

  /** The form service, each task and start form submission checked first. */
  static final class GuardedFormService extends FormServiceImpl {

    private final FormVariableGuard guard;

    GuardedFormService(FormVariableGuard guard) {
      this.guard = guard;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
      guard.check(commandExecutor, taskId, properties);
      FormVariableGuard.unwrappingFormRules(() -> super.submitTaskForm(taskId, properties));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
        boolean deserializeValues) {
      guard.check(commandExecutor, taskId, properties);
      return FormVariableGuard.unwrappingFormRules(
          () -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
    }

    @Override
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
      guard.check(commandExecutor, taskId, properties);
      FormVariableGuard.unwrappingFormRules(() -> super.submitTaskFormData(taskId, properties));
    }

    @Override
    public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
      guard.checkStart(commandExecutor, processDefinitionId, properties);
      return FormVariableGuard.unwrappingFormRules(() -> super.submitStartForm(processDefinitionId, properties));
    }

    @Override
    public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
        Map<String, Object> properties) {
      guard.checkStart(commandExecutor, processDefinitionId, properties);
      return FormVariableGuard.unwrappingFormRules(
          () -> super.submitStartForm(processDefinitionId, businessKey, properties));
    }

    @Override
    public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
      guard.checkStart(commandExecutor, processDefinitionId, properties);
      return FormVariableGuard.unwrappingFormRules(() -> super.submitStartFormData(processDefinitionId, properties));
    }

    @Override
    public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey,
        Map<String, String> properties) {
      guard.checkStart(commandExecutor, processDefinitionId, properties);
      return FormVariableGuard.unwrappingFormRules(
          () -> super.submitStartFormData(processDefinitionId, businessKey, properties));
    }
  }
}
