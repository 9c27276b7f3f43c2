package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which clients count as one: an IPv4 address, an IPv6 /64. */
class ClientAddressTest {

  @Test
  @DisplayName("IPv4 addresses are kept as they are; each is its own client")
  void ipv4() {
    assertThat(ClientAddress.keyOf("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.keyOf("203.0.113.8")).isNotEqualTo(ClientAddress.keyOf("203.0.113.7"));
  }

  @Test
  @DisplayName("IPv6 addresses of one /64 are one client, whatever their spelling; another /64 is another")
  void ipv6ByPrefix() {
    String one = ClientAddress.keyOf("2001:db8:1:2::7");
    assertThat(one).isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddress.keyOf("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo(one);
    assertThat(ClientAddress.keyOf("[2001:db8:1:2:aaaa::1]")).isEqualTo(one);
    assertThat(ClientAddress.keyOf("2001:db8:1:2::9%eth0")).isEqualTo(one);
    assertThat(ClientAddress.keyOf("2001:db8:1:3::7")).isNotEqualTo(one);
  }

  @Test
  @DisplayName("an IPv4 address written as IPv6 is the IPv4 client; no address is 'unknown'")
  void mappedAndMissing() {
    assertThat(ClientAddress.keyOf("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.keyOf(null)).isEqualTo("unknown");
  }
}
