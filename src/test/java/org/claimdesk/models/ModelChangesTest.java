package org.claimdesk.models;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Four eyes on a change of past outcomes (issue #23): its author cannot approve it. */
class ModelChangesTest {

  final ModelChangeStore store = mock(ModelChangeStore.class);
  final ModelChanges changes = new ModelChanges(mock(ModelReview.class), store, mock(RuleRowDiff.class),
      mock(RepositoryService.class), mock(RuntimeService.class), mock(IdentityService.class), new ObjectMapper(),
      Clock.systemUTC());

  @Test
  @DisplayName("the author of a change may not approve it, even as a manager: nothing is recorded")
  void theAuthorCannotApprove() {
    when(store.find(7L)).thenReturn(Optional.of(new ModelChangeStore.Row(7L, ModelChangeStore.Status.AWAITING_APPROVAL,
        "mia", Instant.now(), "0".repeat(64), true, "{}", null, null, null, null, null, null)));

    assertThatThrownBy(() -> changes.decide(7L, true, "mia", "fine by me"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("other than its author");
    verify(store, never()).decide(anyLong(), anyBoolean(), anyString(), any(), any());
  }
}
