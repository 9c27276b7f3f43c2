package org.claimdesk.cases;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code <claimdesk.cases.public-base-url>/cases/<reference>?token=<access token>}, the token
 * derived again from the case's stored salt.
 */
@Component
class TokenCaseLinks implements CaseLinks {

  private final JdbcCaseService cases;
  private final CaseProperties properties;

  TokenCaseLinks(JdbcCaseService cases, CaseProperties properties) {
    this.cases = cases;
    this.properties = properties;
  }

  @Override
  public String privateLink(String reference) {
    String token = cases.accessTokenOf(reference);
    return UriComponentsBuilder.fromUriString(properties.publicBaseUrl())
        .path("/cases/{reference}")
        .queryParam("token", "{token}")
        .encode()
        .buildAndExpand(reference, token)
        .toUriString();
  }
}
