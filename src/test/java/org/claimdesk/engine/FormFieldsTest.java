package org.claimdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which variables a Camunda Form owns (issue #20 point 2), read from the shipped forms and from edge cases. */
class FormFieldsTest {

  @Test
  @DisplayName("review-claim owns its decision fields; what it only shows is read-only; the case's facts are not its own")
  void reviewClaimForm() throws IOException {
    FormFields fields = FormFields.parse(Files.newInputStream(Path.of("forms/review-claim.form")));

    assertThat(fields.formId()).isEqualTo("review-claim");
    assertThat(fields.editable()).contains("reviewDecision", "offerType", "offerAmount", "replyMessage", "isException")
        .doesNotContain("caseReference", "customerName", "customerId", "orderAmount", "paymentId", "offerAmountMinor");
    assertThat(fields.readOnly()).contains("caseReference", "customerName", "orderSummary", "policyVerdict");
    assertThat(fields.owns("customerId")).isFalse();
  }

  @Test
  @DisplayName("disabled fields and FEEL read-only conditions count as read-only; text and buttons own nothing; a group path is one variable")
  void edgeCases() {
    FormFields fields = FormFields.parse(json("""
        {"id": "f", "components": [
          {"type": "textfield", "key": "a", "disabled": true},
          {"type": "textfield", "key": "b", "readonly": "=status = 'closed'"},
          {"type": "text", "key": "c", "text": "hello"},
          {"type": "button", "key": "d"},
          {"type": "group", "path": "address", "components": [{"type": "textfield", "key": "street"}]},
          {"type": "group", "components": [{"type": "number", "key": "amount"}]}
        ]}"""));

    assertThat(fields.readOnly()).containsExactlyInAnyOrder("a", "b");
    assertThat(fields.editable()).containsExactlyInAnyOrder("address", "amount");
  }

  @Test
  @DisplayName("a read-only field comes back unchanged when its text or number is the same, typed or not")
  void sameValue() {
    assertThat(FormVariableGuard.sameValue("CD-1", "CD-1")).isTrue();
    assertThat(FormVariableGuard.sameValue(Variables.stringValue("CD-1"), "CD-1")).isTrue();
    assertThat(FormVariableGuard.sameValue("", null)).isTrue();
    assertThat(FormVariableGuard.sameValue(9000, 9000L)).isTrue();
    assertThat(FormVariableGuard.sameValue(90.0, 9000L)).isFalse();
    assertThat(FormVariableGuard.sameValue("CD-2", "CD-1")).isFalse();
    assertThat(FormVariableGuard.sameValue(null, "CD-1")).isFalse();
  }

  private static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
