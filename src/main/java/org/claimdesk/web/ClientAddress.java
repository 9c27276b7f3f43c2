package org.claimdesk.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The key under which a client is counted by the rate limits and the login throttle: its IPv4
 * address, or the /64 network of its IPv6 address, since one IPv6 subscriber usually holds a
 * whole /64 and could otherwise take a fresh address for every request. An IPv4 address mapped
 * into IPv6 counts as the IPv4 address.
 *
 * <p>The address is the request's remote address: behind a proxy or load balancer, set
 * {@code server.forward-headers-strategy} so that it is the client's and not the proxy's.
 */
public final class ClientAddress {

  private ClientAddress() {
  }

  /** The key of the request's client. */
  public static String of(HttpServletRequest request) {
    return keyOf(request.getRemoteAddr());
  }

  /** The key of a literal address ({@code 203.0.113.7}, {@code 2001:db8:1:2::7}). */
  public static String keyOf(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    String literal = address.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    if (!literal.contains(":")) {
      return literal;
    }
    try {
      // Only an IP literal reaches here (it holds a colon), so this never asks DNS.
      InetAddress parsed = InetAddress.getByName(literal);
      if (!(parsed instanceof Inet6Address)) {
        return parsed.getHostAddress();
      }
      byte[] bytes = parsed.getAddress();
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException notAnAddress) {
      return literal;
    }
  }
}
