package org.claimdesk.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The merchant's policy profile and the version of its policy texts. A case records both when
 * it is opened (SL-2), and the DMN decisions take the profile as an input:
 * {@code standard} applies texts 001-003 (RF-1..RF-8, SC-3), {@code strict} text 000 (RF-9, SC-4).
 */
@Validated
@ConfigurationProperties("claimdesk.policy")
public record PolicyProperties(
    @NotBlank @Pattern(regexp = "standard|strict") String profile,
    @NotBlank String version) {
}
