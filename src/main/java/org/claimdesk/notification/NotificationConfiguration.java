package org.claimdesk.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for {@link OutboxDispatcher#dispatchDue()} (on every node). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {
}
