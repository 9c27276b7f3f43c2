package org.claimdesk.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Duration;

import org.claimdesk.cases.ServiceLevelProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxStaffNotifierTest {

  final NotificationOutbox outbox = mock(NotificationOutbox.class);
  final OutboxDispatcher dispatcher = mock(OutboxDispatcher.class);
  final MailGateway mail = mock(MailGateway.class);

  OutboxStaffNotifier notifierWithTeamLead(String email) {
    Duration day = Duration.ofDays(1);
    return new OutboxStaffNotifier(new ServiceLevelProperties(day, day, day, day, day, day, day, email),
        outbox, dispatcher, mail, Clock.systemUTC());
  }

  @Test
  @DisplayName("no team lead address configured: the notice is skipped, nothing is queued")
  void skippedWithoutTeamLead() {
    notifierWithTeamLead(" ").notifyTeamLead("CD-1", "Late first reply", "Please look at it.");
    notifierWithTeamLead(null).notifyTeamLead("CD-1", "Late first reply", "Please look at it.");

    verifyNoInteractions(outbox, dispatcher);
  }

  @Test
  @DisplayName("a notice without subject or text is refused")
  void needsSubjectAndText() {
    OutboxStaffNotifier notifier = notifierWithTeamLead("lead@example.com");
    assertThatThrownBy(() -> notifier.notifyTeamLead("CD-1", " ", "text"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> notifier.notifyTeamLead("CD-1", "subject", null))
        .isInstanceOf(IllegalArgumentException.class);
    verify(outbox, never()).insert(any());
  }
}
