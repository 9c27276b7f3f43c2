package org.claimdesk.engine.tuning;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvalContext$;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;

/**
 * Camunda's FEEL engine (feel-scala) doing the per-evaluation set-up once. For every input entry,
 * input expression and output entry of a decision table, {@link FeelEngine} parses the text anew
 * and builds the table of FEEL's built-in functions anew (several hundred function objects) before
 * it evaluates anything; on the refund path that set-up was half of what filing a claim cost the
 * application (docs/benchmark.md). Here:
 * <ul>
 *   <li>each text is parsed once: the parsed syntax tree is immutable and the interpreter evaluates
 *       it against the context it is given, so one tree serves every evaluation on every thread.
 *       Only texts that parsed are kept, at most {@value #MAX_EXPRESSIONS} of each kind (they come
 *       from the deployed decision tables, a few hundred in all);</li>
 *   <li>the built-in functions are built once: they hold no state of an evaluation (the clock is
 *       asked when {@code now()} or {@code today()} is called). Each evaluation still gets a
 *       context of its own, with its own failure collector, exactly as {@link FeelEngine#evaluate}
 *       makes it, and the same validation, evaluation and failure messages.</li>
 * </ul>
 * The second needs two private methods of {@link FeelEngine} ({@code validate}, {@code eval}); if
 * a later feel-scala no longer has them, evaluation falls back to the engine's own (slower, same
 * results) and says so once in the log. {@code ParsedOnceFeelTest} compares every decision table's
 * results with Camunda's own engine.
 */
final class ParsedOnceFeelEngine extends FeelEngine {

  static final int MAX_EXPRESSIONS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(ParsedOnceFeelEngine.class);
  private static final MethodHandle VALIDATE;
  private static final MethodHandle EVAL;

  static {
    MethodHandle validate = null;
    MethodHandle eval = null;
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(FeelEngine.class, MethodHandles.lookup());
      validate = lookup.findVirtual(FeelEngine.class, "validate", MethodType.methodType(Either.class, ParsedExpression.class));
      eval = lookup.findVirtual(FeelEngine.class, "eval",
          MethodType.methodType(EvaluationResult.class, ParsedExpression.class, EvalContext.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("FEEL evaluation builds its built-in functions per evaluation: this feel-scala has no {}",
          validate == null ? "FeelEngine.validate(ParsedExpression)" : "FeelEngine.eval(ParsedExpression, EvalContext)");
      validate = null;
      eval = null;
    }
    VALIDATE = validate;
    EVAL = eval;
  }

  private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
  /** What {@code FeelEngine.rootContext()} builds for each evaluation: the built-ins, then the configured functions. */
  private final FunctionProvider rootFunctions;

  /** The same engine as {@code built} (functions, value mappers, configuration, clock). */
  ParsedOnceFeelEngine(FeelEngine built) {
    super(built.functionProvider(), built.valueMapper(), built.configuration(), built.clock());
    this.rootFunctions = new FunctionProvider.CompositeFunctionProvider(CollectionConverters.asScala(
        List.<FunctionProvider>of(new BuiltinFunctions(clock(), valueMapper()), functionProvider())).toList());
  }

  @Override
  public Either<Failure, ParsedExpression> parseExpression(String expression) {
    return parsedOnce(expressions, expression, false);
  }

  @Override
  public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
    return parsedOnce(unaryTests, expression, true);
  }

  /** {@link FeelEngine#evaluate}, with the built-in functions built once. */
  @Override
  public EvaluationResult evaluate(ParsedExpression expression, Context context) {
    if (EVAL == null) {
      return super.evaluate(expression, context);
    }
    try {
      @SuppressWarnings("unchecked")
      Either<Failure, ParsedExpression> valid = (Either<Failure, ParsedExpression>) VALIDATE.invoke(this, expression);
      if (valid.isLeft()) {
        return new FailedEvaluationResult(((Left<Failure, ParsedExpression>) valid).value(),
            FailedEvaluationResult.apply$default$2());
      }
      EvalContext root = EvalContext$.MODULE$.create(valueMapper(), rootFunctions);
      return (EvaluationResult) EVAL.invoke(this, expression, root.merge(context));
    } catch (VirtualMachineError | LinkageError e) {
      throw e;
    } catch (Throwable e) {
      // as FeelEngine.evaluate recovers from what the interpreter throws
      return new FailedEvaluationResult(new Failure("failed to evaluate expression '" + expression.text() + "' :" + e),
          FailedEvaluationResult.apply$default$2());
    }
  }

  /** How many expressions and unary tests are kept parsed. */
  int parsedCount() {
    return expressions.size() + unaryTests.size();
  }

  /** Whether evaluations share the built-in functions (false: this feel-scala lacks what that needs). */
  static boolean sharesBuiltinFunctions() {
    return EVAL != null;
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
