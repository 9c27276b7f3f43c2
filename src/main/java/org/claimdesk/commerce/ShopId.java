package org.claimdesk.commerce;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * An id the merchant's shop gave a record (order, customer, payment, ...): 1 to
 * {@value #MAX_LENGTH} characters of letters, digits, {@code . _ : -}, starting with a letter
 * or a digit, so it is safe in a URL path and a log line. Null passes (add {@code @NotNull}
 * where the id is required).
 */
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Pattern(regexp = ShopId.PATTERN)
@ReportAsSingleViolation
public @interface ShopId {

  int MAX_LENGTH = 64;

  String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

  String message() default "must be 1 to 64 characters (letters, digits, '.', '_', ':', '-'),"
      + " starting with a letter or digit";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The same rule for ids that arrive outside a record (path variables). */
  final class Rule {

    private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

    private Rule() {
    }

    /** Whether {@code id} is a well-formed shop id (null is not). */
    public static boolean matches(String id) {
      return id != null && COMPILED.matcher(id).matches();
    }
  }
}
