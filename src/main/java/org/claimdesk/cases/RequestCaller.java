package org.claimdesk.cases;

import org.claimdesk.web.ClientAddress;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking, as far as an {@code Idempotency-Key} is concerned: a logged-in account
 * ({@code user:shop}) is itself wherever it calls from; an anonymous caller is its client
 * address ({@code address:203.0.113.7}, IPv6 by /64, see {@link ClientAddress}); work outside
 * an HTTP request is {@code internal}. Keys are kept per caller, so one caller's key can neither
 * replay nor block another's.
 */
@Component
public class RequestCaller {

  /** The current caller, as above. */
  public String current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "user:" + authentication.getName();
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      return "address:" + ClientAddress.of(request.getRequest());
    }
    return "internal";
  }
}
