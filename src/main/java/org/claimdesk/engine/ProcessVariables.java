package org.claimdesk.engine;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to a process's variables, the base of each process's variables class (which names
 * every variable once and adds its own typed getters).
 */
public abstract class ProcessVariables {

  private final VariableScope scope;

  protected ProcessVariables(VariableScope scope) {
    this.scope = scope;
  }

  public String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public boolean flag(String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  public Object raw(String name) {
    return scope.getVariable(name);
  }

  /** A whole number stored as any {@link Number} (forms and DMN may store Integer, Long or Double). */
  protected long longValue(String name) {
    return ((Number) scope.getVariable(name)).longValue();
  }

  public void set(String name, Object value) {
    scope.setVariable(name, value);
  }
}
