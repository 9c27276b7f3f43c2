package org.claimdesk.cases;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code <claimdesk.cases.public-base-url>/cases/<reference>?token=<access token>}, the token
 * derived again from the case's stored salt.
 */
@Component
class TokenCaseLinks implements CaseLinks {

  private final CaseAccessStore access;
  private final CaseProperties properties;

  TokenCaseLinks(CaseAccessStore access, CaseProperties properties) {
    this.access = access;
    this.properties = properties;
  }

  @Override
  public String privateLink(String reference) {
    String token = access.accessTokenOf(reference);
    return UriComponentsBuilder.fromUriString(properties.publicBaseUrl())
        .path("/cases/{reference}")
        .queryParam("token", "{token}")
        .encode()
        .buildAndExpand(reference, token)
        .toUriString();
  }
}
