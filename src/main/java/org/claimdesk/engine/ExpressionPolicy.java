package org.claimdesk.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Decides whether one expression of a model may be deployed (issue #20 point 1). The text is parsed
 * with Camunda's own JUEL parser, exactly as the engine will parse it, and its syntax tree walked:
 * <ul>
 *   <li>identifiers are process variables, or beans on the {@link ExpressionAllowList};</li>
 *   <li>a property or method is read only on an allow-listed bean, and only an allow-listed member,
 *       never on a variable or on what a call returned (so no {@code x.getClass().forName(...)});</li>
 *   <li>the one exception is a business rule task's result,
 *       {@code decisionResult.getSingleResult().getEntry('name')};</li>
 *   <li>no {@code a['b']} (a property named at run time), no EL functions, no engine objects
 *       ({@code execution}, {@code task}, ...).</li>
 * </ul>
 * Operators, literals and nesting are fine. The answer is the reasons for a refusal (empty when
 * the expression is allowed), each naming the part of the expression that is refused.
 */
public final class ExpressionPolicy {

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final ExpressionAllowList allowList;

  public ExpressionPolicy(ExpressionAllowList allowList) {
    this.allowList = allowList;
  }

  /** Whether a text holds an expression at all ({@code ${...}} or {@code #{...}}). */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why {@code text} may not be deployed; empty when it may. A text without an expression is fine. */
  public List<String> refusals(String text) {
    if (!isExpression(text)) {
      return List.of();
    }
    Node root;
    try {
      root = PARSER.build(text).getRoot();
    } catch (TreeBuilderException e) {
      return List.of("not a valid expression");
    }
    List<String> refusals = new ArrayList<>();
    check(root, refusals);
    return Collections.unmodifiableList(refusals);
  }

  private void check(Node node, List<String> refusals) {
    if (node instanceof AstMethod || node instanceof AstDot || node instanceof AstBracket) {
      chain(node, refusals);
      return;
    }
    if (node instanceof AstFunction function) {
      refusals.add("the function " + function.getName() + "() is not allowed");
      return;
    }
    if (node instanceof AstIdentifier identifier) {
      identifier(identifier.getName()).ifPresent(refusals::add);
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      check(node.getChild(i), refusals);
    }
  }

  private Optional<String> identifier(String name) {
    if (ExpressionAllowList.ENGINE_OBJECTS.contains(name)) {
      return Optional.of("'" + name + "' (an engine object) is not allowed");
    }
    return Optional.empty(); // a process variable, or a bean referred to by name
  }

  /** {@code root.a.b(...).c}: the root, then each step, checked against the allow-list. */
  private void chain(Node node, List<String> refusals) {
    List<Step> steps = new ArrayList<>();
    Node current = node;
    while (!(current instanceof AstIdentifier)) {
      if (current instanceof AstMethod) {
        Node property = current.getChild(0);
        Node parameters = current.getChild(1);
        if (!(property instanceof AstDot)) {
          refusals.add("a method named at run time ([...]) is not allowed");
          return;
        }
        steps.add(0, new Step(name(property), parameters));
        current = property.getChild(0);
      } else if (current instanceof AstDot) {
        steps.add(0, new Step(name(current), null));
        current = current.getChild(0);
      } else if (current instanceof AstBracket) {
        refusals.add("a property named at run time ([...]) is not allowed");
        return;
      } else {
        refusals.add("a property or method of a computed value is not allowed");
        return;
      }
    }
    String root = ((AstIdentifier) current).getName();
    for (Step step : steps) {
      if (ExpressionAllowList.REFLECTIVE.contains(step.name())) {
        refusals.add("'" + step.name() + "' (reflection or the engine) is not allowed");
        return;
      }
    }
    if (root.equals("decisionResult")) {
      decisionResult(steps, refusals);
      return;
    }
    identifier(root).ifPresent(refusals::add);
    if (!refusals.isEmpty()) {
      return;
    }
    if (!allowList.isBean(root)) {
      refusals.add("'" + root + "." + steps.get(0).name() + "' is not allowed: '" + root
          + "' is not a bean on the allow-list (a variable's properties and methods are never allowed)");
      return;
    }
    boolean call = steps.get(0).parameters() != null;
    if (!allowList.allows(root, steps.get(0).name(), call)) {
      refusals.add("'" + root + "." + steps.get(0).name() + "' is not on the allow-list"
          + (allowList.allows(root, steps.get(0).name(), !call)
              ? (call ? " as a method (it is read as a property)" : " as a property (it is called as a method)")
              : ""));
      return;
    }
    if (steps.size() > 1) {
      refusals.add("'" + root + "." + steps.get(0).name() + "." + steps.get(1).name()
          + "' is not allowed: nothing may be called on what a bean returns");
      return;
    }
    checkParameters(steps.get(0), refusals);
  }

  private void decisionResult(List<Step> steps, List<String> refusals) {
    boolean shape = steps.size() == 2
        && steps.get(0).name().equals("getSingleResult") && steps.get(0).parameters() != null
        && steps.get(0).parameters().getCardinality() == 0
        && steps.get(1).name().equals("getEntry") && steps.get(1).parameters() != null
        && steps.get(1).parameters().getCardinality() == 1 && steps.get(1).parameters().getChild(0) instanceof AstString;
    if (!shape) {
      refusals.add("a decision result may only be read as decisionResult.getSingleResult().getEntry('name')");
    }
  }

  private void checkParameters(Step step, List<String> refusals) {
    if (step.parameters() != null) {
      for (int i = 0; i < step.parameters().getCardinality(); i++) {
        check(step.parameters().getChild(i), refusals);
      }
    }
  }

  private static String name(Node dot) {
    return dot.toString().substring(2); // AstDot prints ". name"
  }

  private record Step(String name, Node parameters) {
  }
}
