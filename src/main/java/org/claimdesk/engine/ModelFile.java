package org.claimdesk.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One model file as it is deployed: its resource name inside the deployment
 * ({@code processes/refund-request.bpmn}, {@code forms/review-claim.form}) and its bytes.
 */
public record ModelFile(String name, byte[] content) {

  public enum Kind { BPMN, DMN, FORM }

  public ModelFile {
    if (kindOf(name) == null) {
      throw new IllegalArgumentException("Not a .bpmn, .dmn or .form file: " + name);
    }
    content = content.clone();
  }

  public Kind kind() {
    return kindOf(name);
  }

  /** The file name without folder and extension: {@code refund-request}. */
  public String baseName() {
    String file = name.substring(name.lastIndexOf('/') + 1);
    return file.substring(0, file.lastIndexOf('.'));
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
