package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class RequestCallerTest {

  final RequestCaller callers = new RequestCaller();

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  @DisplayName("an account is itself from any address; an anonymous caller is its address, IPv6 by /64")
  void accountOrAddress() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("2001:db8:1:2::7");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
        List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
    assertThat(callers.current()).isEqualTo("address:2001:db8:1:2::/64");

    request.setRemoteAddr("2001:db8:1:2::99");
    assertThat(callers.current()).as("same /64").isEqualTo("address:2001:db8:1:2::/64");

    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("shop",
        null, List.of(new SimpleGrantedAuthority("GROUP_merchant-systems"))));
    assertThat(callers.current()).isEqualTo("user:shop");
  }

  @Test
  @DisplayName("outside an HTTP request the caller is internal")
  void internal() {
    assertThat(callers.current()).isEqualTo("internal");
  }
}
