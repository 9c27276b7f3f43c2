package org.claimdesk.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * A case's access token: {@code base64url(HMAC-SHA256(secret, reference + ":" + salt))} with a
 * random salt per case. Only the salt and {@code SHA-256(token)} are stored, so the database
 * alone does not give a token away, while the application can hand out the same token again (an
 * idempotent replay of the claim, the private link in a message). Tokens are compared in constant
 * time.
 */
@Component
public class CaseTokens {

  private static final String HMAC = "HmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final HexFormat HEX = HexFormat.of();
  /** Compared against when there is no stored hash, so a miss costs what a wrong token costs. */
  private static final byte[] NO_HASH = new byte[32];

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  CaseTokens(CaseProperties properties) {
    this.key = key(properties.tokenSecret());
  }

  /** Tokens of the given secret (for tests and tools; the application's bean takes it from configuration). */
  static CaseTokens withSecret(String secret) {
    return new CaseTokens(new CaseProperties("http://localhost", secret, 1));
  }

  private static SecretKeySpec key(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException(CaseProperties.TOKEN_SECRET_PROPERTY + " must be set");
    }
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
  }

  /** A new random salt for a case (16 bytes, base64url). */
  public String newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return BASE64URL.encodeToString(salt);
  }

  /** The case's access token (43 characters of base64url), the same for the same reference and salt. */
  public String tokenFor(String reference, String salt) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      byte[] tag = mac.doFinal((reference + ":" + salt).getBytes(StandardCharsets.UTF_8));
      return BASE64URL.encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** What is stored of a token: its SHA-256, in hex. */
  public String hashOf(String token) {
    return HEX.formatHex(sha256(token));
  }

  /**
   * Whether {@code presented} is the token whose hash is {@code storedHash}, compared in constant
   * time; false for a missing token or hash (after the same work).
   */
  public boolean matches(String presented, String storedHash) {
    byte[] expected = NO_HASH;
    if (storedHash != null && storedHash.length() == 64) {
      try {
        expected = HEX.parseHex(storedHash);
      } catch (IllegalArgumentException notHex) {
        expected = NO_HASH;
      }
    }
    byte[] actual = sha256(presented == null ? "" : presented);
    boolean equal = MessageDigest.isEqual(actual, expected);
    return equal && presented != null && expected != NO_HASH;
  }

  private static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of {@code content} in lower-case hex: evidence and document checksums, idempotency keys. */
  public static String sha256Hex(byte[] content) {
    return HEX.formatHex(sha256(content));
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
