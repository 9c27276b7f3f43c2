package org.claimdesk.notification;

import java.util.Locale;

import org.springframework.context.NoSuchMessageException;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Thymeleaf's {@code #{key(arguments)}} for the customer's words (emails, the resolution
 * document): each sentence comes from {@code sentences} in the template's language, and a key
 * without a sentence stops the rendering with {@link NoSuchMessageException}, where Thymeleaf
 * would print {@code ??key_fr??}: nothing goes out half-written.
 */
public record StrictMessageResolver(String name, Sentences sentences) implements IMessageResolver {

  /** The sentence for {@code key} in {@code language}, arguments filled in; null if there is none. */
  @FunctionalInterface
  public interface Sentences {

    String get(String key, Object[] arguments, Locale language);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Integer getOrder() {
    return 0;
  }

  @Override
  public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
    return sentences.get(key, arguments, context.getLocale());
  }

  @Override
  public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
      Object[] arguments) {
    throw new NoSuchMessageException(key, context.getLocale());
  }
}
