package org.claimdesk.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Settings of the case record and the customer API.
 *
 * @param publicBaseUrl where customers reach the application; the private link to a case is
 *     {@code <publicBaseUrl>/cases/<reference>?token=<token>}
 * @param tokenSecret the HMAC key access tokens are derived from; changing it invalidates every
 *     token handed out (the postgres profile refuses a demo or short secret, see
 *     {@code DemoPasswordGuard})
 * @param evidenceMaxFiles how many files a case may hold at most
 */
@Validated
@ConfigurationProperties("claimdesk.cases")
public record CaseProperties(
    @DefaultValue("http://localhost:8080") @NotBlank String publicBaseUrl,
    @NotBlank String tokenSecret,
    @DefaultValue("20") @Min(1) @Max(1000) int evidenceMaxFiles) {

  /** The property that holds the token secret. */
  public static final String TOKEN_SECRET_PROPERTY = "claimdesk.cases.token-secret";

  @Override
  public String toString() {
    return "CaseProperties[publicBaseUrl=" + publicBaseUrl + ", tokenSecret=(hidden), evidenceMaxFiles="
        + evidenceMaxFiles + "]";
  }
}
