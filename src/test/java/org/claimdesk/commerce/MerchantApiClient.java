package org.claimdesk.commerce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the running application's {@code /api} as a given demo account (password
 * {@code demo}) and hands back every answer, error or not, with its raw body.
 */
final class MerchantApiClient {

  static final String MERCHANT = "shop";
  static final String SUPPORT_AGENT = "anna";
  static final String ADMIN = "admin";
  static final String DEMO_PASSWORD = "demo";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient rest;

  MerchantApiClient(int port) {
    this.rest = RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory())
        .build();
  }

  /** An answer as it came over the wire. */
  record Answer(int status, HttpHeaders headers, String body) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }

    /** The fields named in a problem's {@code errors} array. */
    java.util.List<String> errorFields() {
      java.util.List<String> fields = new java.util.ArrayList<>();
      json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
      return fields;
    }

    boolean isProblem() {
      MediaType type = headers.getContentType();
      return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  Answer post(String user, String path, Object body) {
    String json = body instanceof String text ? text : write(body);
    return exchange(user, HttpMethod.POST, path, json);
  }

  Answer get(String user, String path) {
    return exchange(user, HttpMethod.GET, path, null);
  }

  private Answer exchange(String user, HttpMethod method, String path, String json) {
    RestClient.RequestBodySpec request = rest.method(method).uri(path)
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
        .headers(headers -> {
          if (user != null) {
            headers.setBasicAuth(user, DEMO_PASSWORD);
          }
        });
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
        response.getHeaders(), new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> copy(Map<String, Object> map) {
    return new java.util.LinkedHashMap<>(map);
  }
}
