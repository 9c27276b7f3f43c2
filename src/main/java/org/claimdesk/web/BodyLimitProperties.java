package org.claimdesk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The largest request body {@code /api} reads ({@link BodyLimit}); multipart uploads are capped
 * at {@code spring.servlet.multipart.max-request-size} instead.
 *
 * @param json the largest body of any other type (JSON above all): a claim, with its longest
 *     description, is a few kilobytes
 */
@Validated
@ConfigurationProperties("claimdesk.web.body-limit")
public record BodyLimitProperties(@DefaultValue("64KB") @NotNull DataSize json) {
}
