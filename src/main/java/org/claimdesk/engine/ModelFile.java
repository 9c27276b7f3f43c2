package org.claimdesk.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One model file as it is deployed: its resource name inside the deployment
 * ({@code processes/refund-request.bpmn}, {@code forms/review-claim.form}) and its bytes.
 */
public record ModelFile(String name, byte[] content) {

  public enum Kind { BPMN, DMN, FORM, DECISION_TESTS }

  /** A decision table's own test cases, deployed beside it: {@code processes/x.dmn-tests.json}. */
  public static final String DECISION_TESTS_SUFFIX = ".dmn-tests.json";

  public ModelFile {
    if (kindOf(name) == null) {
      throw new IllegalArgumentException("Not a .bpmn, .dmn, .form or " + DECISION_TESTS_SUFFIX + " file: " + name);
    }
    content = content.clone();
  }

  /** The test cases of a decision table: {@code processes/x.dmn} is tested by {@code processes/x.dmn-tests.json}. */
  public static String decisionTestsOf(String tableName) {
    String base = tableName.endsWith(".dmn") ? tableName.substring(0, tableName.length() - ".dmn".length()) : tableName;
    return base + DECISION_TESTS_SUFFIX;
  }

  /**
   * The name a model file sent with a plain name deploys under, as the application deploys its own:
   * {@code processes/x.dmn}, {@code forms/x.form}; null for a file that is not a model.
   */
  public static String deploymentNameOf(String plainName) {
    Kind kind = kindOf(plainName.toLowerCase(Locale.ROOT));
    return kind == null ? null : (kind == Kind.FORM ? "forms/" : "processes/") + plainName;
  }

  public Kind kind() {
    return kindOf(name);
  }

  /** The file name without folder and extension: {@code refund-request} (also for {@code refund-request.dmn-tests.json}). */
  public String baseName() {
    String file = name.substring(name.lastIndexOf('/') + 1);
    return kind() == Kind.DECISION_TESTS ? file.substring(0, file.length() - DECISION_TESTS_SUFFIX.length())
        : file.substring(0, file.lastIndexOf('.'));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  private static Kind kindOf(String name) {
    if (name.endsWith(".bpmn")) {
      return Kind.BPMN;
    }
    if (name.endsWith(".dmn")) {
      return Kind.DMN;
    }
    if (name.endsWith(".form")) {
      return Kind.FORM;
    }
    if (name.endsWith(DECISION_TESTS_SUFFIX)) {
      return Kind.DECISION_TESTS;
    }
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelFile file && name.equals(file.name) && Arrays.equals(content, file.content);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return name;
  }
}
