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
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A known ISO 4217 currency code in three upper-case letters ({@code "EUR"}); null is invalid. */
@Documented
@Constraint(validatedBy = CurrencyCode.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface CurrencyCode {

  String message() default "must be an ISO 4217 currency code in three upper-case letters, e.g. EUR";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks a code against the currencies the JVM knows. */
  class Validator implements ConstraintValidator<CurrencyCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return Money.isCurrencyCode(value);
    }
  }
}
