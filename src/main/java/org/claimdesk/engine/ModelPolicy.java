package org.claimdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a BPMN model may contain to be deployed (issue #20 point 1), checked on its XML before the
 * engine builds anything from it - by {@link ModelGuard}'s parse listener when a model is deployed,
 * and by the model quality gate offline, with the same rules:
 * <ul>
 *   <li>no script, in any language: no script task, no {@code camunda:script} (listeners, input and
 *       output mappings), no condition with a {@code language};</li>
 *   <li>no Java class named by the model ({@code camunda:class}, {@code camunda:variableMappingClass}),
 *       no script resource ({@code camunda:resource}), no connector;</li>
 *   <li>every expression, in any attribute or text, passes the {@link ExpressionPolicy}.</li>
 * </ul>
 * Each refusal names the element (the nearest one with an id) and what is refused.
 */
public final class ModelPolicy {

  /** A refused part of a model. */
  public record Refusal(String elementId, String what) {
    @Override
    public String toString() {
      return (elementId == null ? "the model" : "element " + elementId) + ": " + what;
    }
  }

  /** An XML element as the policy reads it (the engine's parser and the DOM each give one). */
  public interface Node {
    String localName();

    /** Attribute local name (with its namespace URI, "" for none) to value. */
    List<Map.Entry<String[], String>> attributes();

    String text();

    List<Node> children();
  }

  private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script", "connector");
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "resource",
      "delegateVariableMappingClass");
  private static final Set<String> CONDITIONS = Set.of("conditionExpression", "condition", "completionCondition");

  private final ExpressionPolicy expressions;

  public ModelPolicy(ExpressionPolicy expressions) {
    this.expressions = expressions;
  }

  public List<Refusal> refusals(Node root) {
    List<Refusal> refusals = new ArrayList<>();
    walk(root, null, refusals);
    return refusals;
  }

  private void walk(Node node, String enclosingId, List<Refusal> refusals) {
    String id = enclosingId;
    for (Map.Entry<String[], String> attribute : node.attributes()) {
      if (attribute.getKey()[1].isEmpty() && attribute.getKey()[0].equals("id")) {
        id = attribute.getValue();
      }
    }
    String name = node.localName();
    if (SCRIPT_ELEMENTS.contains(name)) {
      refusals.add(new Refusal(id, name.equals("connector") ? "connectors are not allowed"
          : "scripts are not allowed (" + name + "), in any language"));
    }
    for (Map.Entry<String[], String> attribute : node.attributes()) {
      String local = attribute.getKey()[0];
      // camunda:class on a task, or class="..." on a camunda:taskListener: BPMN itself has neither
      if (CLASS_ATTRIBUTES.contains(local)) {
        refusals.add(new Refusal(id, "a Java class or resource named by the model (" + local + "=\""
            + attribute.getValue() + "\") is not allowed"));
      }
      if (CONDITIONS.contains(name) && local.equals("language")) {
        refusals.add(new Refusal(id, "a script condition (language=\"" + attribute.getValue() + "\") is not allowed"));
      }
      check(id, attribute.getValue(), refusals);
    }
    check(id, node.text(), refusals);
    for (Node child : node.children()) {
      walk(child, id, refusals);
    }
  }

  private void check(String id, String text, List<Refusal> refusals) {
    for (String why : expressions.refusals(text)) {
      refusals.add(new Refusal(id, "the expression " + text.strip() + " is refused: " + why));
    }
  }
}
