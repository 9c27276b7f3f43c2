package org.claimdesk.commerce;

import java.util.Locale;

import org.claimdesk.web.FreeText;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer of the shop, as embedded in an order. Created with its first order; its details
 * cannot be changed through a later order.
 */
public record Customer(
    @NotNull @ShopId String id,
    @NotBlank @Size(max = 200) @Pattern(regexp = FreeText.ONE_LINE, message = FreeText.REFUSED)
    String name,
    @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
    @NotNull Language language) {

  /** The language the customer is written to in: {@code "en"} or {@code "fr"} in JSON. */
  public enum Language {
    @JsonProperty("en") EN,
    @JsonProperty("fr") FR;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
      return Locale.forLanguageTag(code());
    }

    static Language ofCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }
}
