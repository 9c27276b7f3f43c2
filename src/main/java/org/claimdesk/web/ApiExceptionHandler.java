package org.claimdesk.web;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the application's own endpoints ({@code /api}) as
 * {@code application/problem+json}: a {@code detail} for people and, for field errors, an
 * {@code errors} array {@code [{field, message}]} naming each offending field by its JSON
 * path. Covers Bean Validation, unreadable JSON (syntax, wrong types, unknown properties,
 * invalid enum values), the feature packages' {@link FieldProblemException}s and Spring's
 * own errors (404, 405, 415, ...). Anything unexpected is logged and answered with a 500 that
 * shows neither a stack trace nor SQL.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      problems.add(new FieldProblem(error.getField(), message(error)));
    }
    ex.getBindingResult().getGlobalErrors()
        .forEach(error -> problems.add(new FieldProblem("", message(error))));
    return invalidFields(ex, problems, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    ex.getParameterValidationResults().forEach(result -> {
      String name = result.getMethodParameter().getParameterName();
      result.getResolvableErrors().forEach(error -> problems.add(
          new FieldProblem(name == null ? "" : name, message(error))));
    });
    return invalidFields(ex, problems, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyLimit.BodyTooLargeException tooLarge) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
            tooLarge.getMessage());
        problem.setTitle("Request body too large");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
      }
    }
    JsonProcessingException cause = jsonCause(ex);
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return invalidFields(ex, List.of(fieldProblem(mapping)), headers, request);
    }
    if (cause != null) {
      JsonProcessingException syntax = cause;
      // A document that breaks off names no field; a bad token names the field it belongs to.
      String field = brokeOff(syntax) ? "" : pathOf(syntax);
      String reason = syntax.getOriginalMessage();
      if (!field.isEmpty()) {
        return invalidFields(ex, List.of(new FieldProblem(field, "is not valid JSON: " + reason)),
            headers, request);
      }
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The request body is not valid JSON: " + reason);
      problem.setTitle("Malformed JSON");
      problem.setProperty(FieldProblemException.ERRORS_PROPERTY, List.of());
      return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is missing or is not a JSON document.");
    problem.setTitle("Unreadable request body");
    problem.setProperty(FieldProblemException.ERRORS_PROPERTY, List.of());
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** The last resort: log everything, show nothing of the internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
    if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
      throw ex; // Spring Security answers these with 401/403.
    }
    log.error("Unexpected error answering {}", describe(request), ex);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "An unexpected error occurred. It has been logged; please retry later.");
    problem.setTitle("Internal error");
    return handleExceptionInternal(ex, problem, new HttpHeaders(),
        HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  private ResponseEntity<Object> invalidFields(Exception ex, List<FieldProblem> problems,
      HttpHeaders headers, WebRequest request) {
    ProblemDetail problem = FieldProblemException.problem(HttpStatus.BAD_REQUEST, "Invalid fields",
        "The request has invalid fields: " + FieldProblemException.describe(problems) + ".",
        problems);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** The outermost Jackson exception in the cause chain (it carries the JSON path). */
  private static JsonProcessingException jsonCause(Throwable ex) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return json;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /** A Jackson mapping failure as a problem of the field at its JSON path. */
  static FieldProblem fieldProblem(JsonMappingException ex) {
    String field = jsonPath(ex.getPath());
    if (ex instanceof UnrecognizedPropertyException) {
      return new FieldProblem(field, "is not a known property");
    }
    if (ex instanceof InvalidFormatException invalid) {
      return new FieldProblem(field, expectation(invalid.getTargetType()));
    }
    if (ex instanceof MismatchedInputException mismatched) {
      return new FieldProblem(field, expectation(mismatched.getTargetType()));
    }
    return new FieldProblem(field, "has an invalid value");
  }

  /** {@code customer.email}, {@code entries[2].amount}. */
  static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder result = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        if (!result.isEmpty()) {
          result.append('.');
        }
        result.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        result.append('[').append(reference.getIndex()).append(']');
      }
    }
    return result.toString();
  }

  private static boolean brokeOff(JsonProcessingException ex) {
    String message = ex.getOriginalMessage();
    return ex instanceof JsonEOFException
        || (message != null && message.startsWith("Unexpected end-of-input"));
  }

  /** Where the parser was when the JSON text broke, as a JSON path; empty at the top. */
  private static String pathOf(JsonProcessingException ex) {
    if (!(ex.getProcessor() instanceof JsonParser parser)) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
        context = context.getParent()) {
      if (context.inObject() && context.getCurrentName() != null) {
        parts.add(0, "." + context.getCurrentName());
      } else if (context.inArray()) {
        parts.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  static String expectation(Class<?> type) {
    if (type == null) {
      return "has the wrong JSON type";
    }
    if (type.isEnum()) {
      return "must be one of " + enumValues(type);
    }
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class
        || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
      return "must be a JSON integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "must be a JSON number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "must be a JSON string";
    }
    if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
      return "must be an ISO-8601 instant, e.g. 2025-05-01T10:15:30Z";
    }
    if (type == LocalDate.class) {
      return "must be an ISO-8601 date, e.g. 2025-05-01";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be a JSON array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "must be a JSON object";
    }
    return "has the wrong JSON type";
  }

  /** The values an enum accepts in JSON, honouring {@code @JsonProperty} names. */
  private static String enumValues(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> jsonName(type, (Enum<?>) constant))
        .collect(Collectors.joining(", "));
  }

  private static String jsonName(Class<?> type, Enum<?> constant) {
    try {
      Field field = type.getField(constant.name());
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      return property != null && !property.value().isEmpty() ? property.value() : constant.name();
    } catch (NoSuchFieldException e) {
      return constant.name();
    }
  }

  private static String message(MessageSourceResolvable error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static String describe(WebRequest request) {
    if (request instanceof ServletWebRequest servlet) {
      return servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI();
    }
    return request.getDescription(false);
  }
}
