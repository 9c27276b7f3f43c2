package org.claimdesk.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The shared problem answers of {@code /api}, on a small sample endpoint with the
 * application's strict JSON settings: every refusal names its field by JSON path.
 */
class ApiExceptionHandlerTest {

  enum Colour { RED, @JsonProperty("green") GREEN }

  record Inner(@NotNull @Email String email) {
  }

  record Sample(@NotNull @Positive Long amount, String name, Instant at, LocalDate day, Colour colour,
      Boolean flag, @Valid Inner inner, List<Inner> items) {
  }

  @RestController
  static class SampleController {

    @PostMapping("/api/samples")
    Sample accept(@Valid @RequestBody Sample sample) {
      if ("conflict".equals(sample.name())) {
        throw new FieldProblemException(HttpStatus.CONFLICT, "Conflict", "Sample exists.",
            List.of(new FieldProblem("id", "exists")));
      }
      if ("boom".equals(sample.name())) {
        throw new BadSqlGrammarException("insert", "insert into claimdesk.secret_table values (?)",
            new java.sql.SQLException("relation claimdesk.secret_table does not exist"));
      }
      return sample;
    }
  }

  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    // As Spring Boot configures it, plus the application's strictness.
    Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json()
        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    StrictJson.configure(builder);
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.afterPropertiesSet();
    mvc = MockMvcBuilders.standaloneSetup(new SampleController())
        .setControllerAdvice(new ApiExceptionHandler())
        .setMessageConverters(new MappingJackson2HttpMessageConverter(builder.build()))
        .setValidator(validator)
        .build();
  }

  private ResultActions postJson(String json) throws Exception {
    return mvc.perform(post("/api/samples").contentType(MediaType.APPLICATION_JSON).content(json));
  }

  private static void expectFieldError(ResultActions result, String field) throws Exception {
    result.andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
        .andExpect(jsonPath("$.detail").value(containsString(field)));
  }

  @Test
  void aValidSampleIsAccepted() throws Exception {
    postJson("""
        {"amount": 5, "name": "x", "at": "2025-05-01T10:00:00Z", "day": "2025-05-01",
         "colour": "green", "flag": true, "inner": {"email": "a@b.example"}}""")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.colour").value("green"));
  }

  @Test
  void beanValidationNamesNestedFields() throws Exception {
    postJson("""
        {"amount": -1, "inner": {"email": "nope"}}""")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[0].field").value("amount"))
        .andExpect(jsonPath("$.errors[1].field").value("inner.email"))
        .andExpect(jsonPath("$.detail").value(containsString("inner.email")));
  }

  @Test
  void aNumberInAStringIsRefused() throws Exception {
    expectFieldError(postJson("{\"amount\": \"100\"}"), "amount");
  }

  @Test
  void aFractionForAnIntegerIsRefused() throws Exception {
    expectFieldError(postJson("{\"amount\": 10.5}"), "amount");
  }

  @Test
  void aNumberForAStringIsRefused() throws Exception {
    expectFieldError(postJson("{\"amount\": 1, \"name\": 12}"), "name");
  }

  @Test
  void aStringForABooleanIsRefused() throws Exception {
    expectFieldError(postJson("{\"amount\": 1, \"flag\": \"true\"}"), "flag");
  }

  @Test
  void anInstantMustBeIsoText() throws Exception {
    expectFieldError(postJson("{\"amount\": 1, \"at\": 1714557600}"), "at");
    expectFieldError(postJson("{\"amount\": 1, \"at\": \"yesterday\"}"), "at");
    expectFieldError(postJson("{\"amount\": 1, \"at\": \"1714557600\"}"), "at");
    expectFieldError(postJson("{\"amount\": 1, \"at\": \"2025-05-01\"}"), "at");
  }

  @Test
  void anInstantWithAnOffsetIsTakenAsTheSameInstant() throws Exception {
    postJson("{\"amount\": 1, \"at\": \"2025-05-01T12:00:00+02:00\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.at").value("2025-05-01T10:00:00Z"));
  }

  @Test
  void aDateMustBeIsoText() throws Exception {
    expectFieldError(postJson("{\"amount\": 1, \"day\": \"2025-02-30\"}"), "day");
    expectFieldError(postJson("{\"amount\": 1, \"day\": [2025, 5, 1]}"), "day");
  }

  @Test
  void anUnknownEnumValueListsTheAcceptedOnes() throws Exception {
    postJson("{\"amount\": 1, \"colour\": \"BLUE\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("colour"))
        .andExpect(jsonPath("$.errors[0].message").value("must be one of RED, green"));
    expectFieldError(postJson("{\"amount\": 1, \"colour\": 0}"), "colour");
  }

  @Test
  void anUnknownPropertyIsNamedByItsPath() throws Exception {
    postJson("{\"amount\": 1, \"inner\": {\"email\": \"a@b.example\", \"phone\": \"1\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("inner.phone"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a known property"));
  }

  @Test
  void aWrongTypeInAnArrayIsNamedWithItsIndex() throws Exception {
    expectFieldError(postJson("{\"amount\": 1, \"items\": [{\"email\": \"a@b.example\"}, {\"email\": 3}]}"),
        "items[1].email");
  }

  @Test
  void anObjectWhereAScalarBelongsIsRefused() throws Exception {
    expectFieldError(postJson("{\"amount\": {\"value\": 1}}"), "amount");
    expectFieldError(postJson("{\"amount\": 1, \"inner\": \"a@b.example\"}"), "inner");
  }

  @Test
  void aDuplicateKeyIsRefused() throws Exception {
    expectFieldError(postJson("{\"amount\": 1, \"amount\": 2}"), "amount");
  }

  @Test
  void malformedJsonIsABadRequestWithoutInternals() throws Exception {
    postJson("{\"amount\": 1,")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors", hasSize(0)))
        .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")))
        .andExpect(jsonPath("$.detail").value(not(containsString("com.fasterxml"))));
    postJson("")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors", hasSize(0)));
  }

  @Test
  void aBadTokenNamesTheFieldItBelongsTo() throws Exception {
    expectFieldError(postJson("{\"amount\": 12abc}"), "amount");
  }

  @Test
  void trailingContentIsRefused() throws Exception {
    postJson("{\"amount\": 1} {\"amount\": 2}").andExpect(status().isBadRequest());
  }

  @Test
  void featureExceptionsKeepTheirStatusAndFields() throws Exception {
    postJson("{\"amount\": 1, \"name\": \"conflict\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("id"))
        .andExpect(jsonPath("$.detail").value("Sample exists."));
  }

  @Test
  void anUnexpectedErrorIsA500WithoutStackTraceOrSql() throws Exception {
    postJson("{\"amount\": 1, \"name\": \"boom\"}")
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().string(not(containsString("secret_table"))))
        .andExpect(content().string(not(containsString("Exception"))))
        .andExpect(jsonPath("$.trace").doesNotExist());
  }

  @Test
  void theWrongMediaTypeIsAProblemToo() throws Exception {
    mvc.perform(post("/api/samples").contentType(MediaType.TEXT_PLAIN).content("amount=1"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
