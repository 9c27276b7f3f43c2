package org.claimdesk.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The JSON the API accepts is taken literally: no string for a number ({@code "amount":
 * "100"}), no fraction for an integer ({@code 10.5}), no number for a string, an enum or an
 * instant, no duplicate keys, nothing after the document. Unknown properties are refused by
 * {@code spring.jackson.deserialization.fail-on-unknown-properties}. Each refusal becomes a
 * 400 naming the field (see {@link ApiExceptionHandler}). Applies to Spring MVC's mapper only;
 * the engine's REST API keeps its own.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonCustomizer() {
    return StrictJson::configure;
  }

  static void configure(Jackson2ObjectMapperBuilder builder) {
    builder.featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .deserializerByType(Instant.class, new IsoText<>(Instant.class, Instant::parse))
        .deserializerByType(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse))
        .postConfigurer(StrictJson::refuseScalarCoercion);
  }

  private static void refuseScalarCoercion(ObjectMapper mapper) {
    mapper.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.DateTime)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
  }

  /**
   * Dates and instants only as ISO-8601 text ({@code 2025-05-01T10:15:30Z}, an offset is
   * accepted; {@code 2025-05-01}): no epoch numbers, digit strings or {@code [2025, 5, 1]}
   * arrays, which Jackson's java.time support would otherwise take.
   */
  static final class IsoText<T> extends StdScalarDeserializer<T> {

    private final transient Function<String, T> parse;

    IsoText(Class<T> type, Function<String, T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (T) context.handleUnexpectedToken(handledType(), parser);
      }
      String text = parser.getText().trim();
      try {
        return parse.apply(text);
      } catch (DateTimeParseException e) {
        return (T) context.handleWeirdStringValue(handledType(), text, "not ISO-8601");
      }
    }
  }
}
