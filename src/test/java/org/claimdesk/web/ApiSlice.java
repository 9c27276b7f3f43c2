package org.claimdesk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * A {@code @WebMvcTest} slice of one API controller with the web layer it really runs behind: the
 * {@code /api/**} security chain, the strict JSON reader, the problem+json answers of
 * {@link ApiExceptionHandler} and the request filters (body limit, intake admission, filing and case rate limits).
 * No database, no engine: the controller's services are {@code @MockitoBean}s, so a slice shows
 * what the HTTP contract is (status, headers, field-named errors, who may call) and that a refused
 * request never reaches the service. The demo profile only because the application refuses to
 * start without a profile; the slice loads no database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ActiveProfiles("demo")
@Import({ApiSecurityConfig.class, StrictJson.class, WebConfiguration.class, ApiSliceSupport.class})
public @interface ApiSlice {

  /** The controller under test. */
  @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
  Class<?>[] value();
}
