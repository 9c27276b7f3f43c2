package org.claimdesk.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.util.Either;

/**
 * Camunda's FEEL engine (feel-scala) with each expression parsed once rather than at every
 * evaluation. The DMN engine hands FEEL the text of an input entry, input expression or output
 * entry and {@link FeelEngine#evalUnaryTests(String, org.camunda.feel.context.Context)} parses it
 * anew every time; parsing (fastparse) is most of what a decision costs, a fifth of the
 * application's CPU on the refund path (docs/benchmark.md). The parsed syntax tree is immutable and
 * the interpreter evaluates it against the context it is given, so one tree serves every
 * evaluation on every thread; evaluation itself is unchanged.
 *
 * <p>Only expressions that parsed are kept (a failure is parsed and reported again each time), and
 * at most {@value #MAX_EXPRESSIONS} of each kind: the texts come from the deployed decision tables,
 * a few hundred in all, so the bound only guards against something unforeseen.
 */
final class ParsedOnceFeelEngine extends FeelEngine {

  static final int MAX_EXPRESSIONS = 10_000;

  private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

  /** The same engine as {@code built} (functions, value mappers, configuration, clock), parsing once. */
  ParsedOnceFeelEngine(FeelEngine built) {
    super(built.functionProvider(), built.valueMapper(), built.configuration(), built.clock());
  }

  @Override
  public Either<Failure, ParsedExpression> parseExpression(String expression) {
    return parsedOnce(expressions, expression, false);
  }

  @Override
  public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
    return parsedOnce(unaryTests, expression, true);
  }

  /** How many expressions and unary tests are kept parsed. */
  int parsedCount() {
    return expressions.size() + unaryTests.size();
  }

  private Either<Failure, ParsedExpression> parsedOnce(Map<String, Either<Failure, ParsedExpression>> parsed,
      String text, boolean unary) {
    Either<Failure, ParsedExpression> known = parsed.get(text);
    if (known != null) {
      return known;
    }
    Either<Failure, ParsedExpression> result = unary ? super.parseUnaryTests(text) : super.parseExpression(text);
    if (result.isRight() && parsed.size() < MAX_EXPRESSIONS) {
      parsed.putIfAbsent(text, result);
    }
    return result;
  }
}
