package org.claimdesk.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a Camunda Form owns: the keys of its input fields. {@code editable} may be set by
 * whoever completes the task; {@code readOnly} are shown to them (Tasklist sends them back with
 * the submission, unchanged). Disabled fields are never submitted by Tasklist and count as
 * read-only. A group with a {@code path} owns that path as one variable.
 */
record FormFields(String formId, Set<String> editable, Set<String> readOnly) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOT_INPUT = Set.of("text", "html", "image", "spacer", "separator", "button",
      "iframe", "table", "documentPreview");

  /** A task without a form owns no variable. */
  static final FormFields NONE = new FormFields(null, Set.of(), Set.of());

  FormFields {
    editable = Collections.unmodifiableSet(new LinkedHashSet<>(editable));
    readOnly = Collections.unmodifiableSet(new LinkedHashSet<>(readOnly));
  }

  static FormFields parse(InputStream form) {
    try (form) {
      JsonNode root = JSON.readTree(form);
      Set<String> editable = new LinkedHashSet<>();
      Set<String> readOnly = new LinkedHashSet<>();
      collect(root, editable, readOnly);
      readOnly.removeAll(editable);
      return new FormFields(root.path("id").asText(null), editable, readOnly);
    } catch (IOException e) {
      throw new IllegalStateException("A deployed form is not valid JSON", e);
    }
  }

  private static void collect(JsonNode container, Set<String> editable, Set<String> readOnly) {
    for (JsonNode component : container.path("components")) {
      String type = component.path("type").asText("");
      String key = component.path("key").asText(null);
      String path = component.path("path").asText(null);
      boolean locked = isSet(component.path("readonly")) || isSet(component.path("disabled"));
      if (key != null && !key.isBlank() && !NOT_INPUT.contains(type)) {
        (locked ? readOnly : editable).add(key);
      }
      if (path != null && !path.isBlank()) {
        // a group that nests its fields under one variable: the variable is the path's first segment
        (locked ? readOnly : editable).add(path.split("\\.")[0]);
      } else {
        collect(component, editable, readOnly);
      }
    }
  }

  /** true, or a FEEL condition ("=..."): the field may be read-only, so it is treated as such. */
  private static boolean isSet(JsonNode flag) {
    return flag.isBoolean() ? flag.asBoolean() : flag.isTextual() && !flag.asText().isBlank();
  }

  boolean owns(String variable) {
    return editable.contains(variable) || readOnly.contains(variable);
  }
}
