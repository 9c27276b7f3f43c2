package org.claimdesk.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.notification.StaffNotifier;

/** Records what the process said to customers and staff. */
public class RecordingMessages implements CustomerNotifier, StaffNotifier {

  /** A customer message; {@code attachmentDocumentId} is null when the email carries no document. */
  public record Sent(String reference, CustomerMessage message, Map<String, Object> parameters,
      String attachmentDocumentId) {

    public Sent(String reference, CustomerMessage message, Map<String, Object> parameters) {
      this(reference, message, parameters, null);
    }
  }

  public record StaffNotice(String reference, String subject, String text) {
  }

  public final List<Sent> sent = new ArrayList<>();
  public final List<StaffNotice> staff = new ArrayList<>();

  @Override
  public void send(String caseReference, CustomerMessage message, Map<String, Object> parameters,
      String attachmentDocumentId) {
    sent.add(new Sent(caseReference, message, Map.copyOf(parameters), attachmentDocumentId));
  }

  @Override
  public void notifyTeamLead(String caseReference, String subject, String text) {
    staff.add(new StaffNotice(caseReference, subject, text));
  }

  public List<CustomerMessage> messages() {
    return sent.stream().map(Sent::message).toList();
  }

  public Sent last(CustomerMessage message) {
    return sent.stream().filter(s -> s.message() == message).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("No " + message + " was sent; sent: " + messages()));
  }
}
