package org.claimdesk.refund;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.notification.StaffNotifier;

/** Records what the process said to customers and staff. */
class RecordingMessages implements CustomerNotifier, StaffNotifier {

  record Sent(String reference, CustomerMessage message, Map<String, Object> parameters) {
  }

  record StaffNotice(String reference, String subject, String text) {
  }

  final List<Sent> sent = new ArrayList<>();
  final List<StaffNotice> staff = new ArrayList<>();

  @Override
  public void send(String caseReference, CustomerMessage message, Map<String, Object> parameters) {
    sent.add(new Sent(caseReference, message, Map.copyOf(parameters)));
  }

  @Override
  public void notifyTeamLead(String caseReference, String subject, String text) {
    staff.add(new StaffNotice(caseReference, subject, text));
  }

  List<CustomerMessage> messages() {
    return sent.stream().map(Sent::message).toList();
  }

  Sent last(CustomerMessage message) {
    return sent.stream().filter(s -> s.message() == message).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("No " + message + " was sent; sent: " + messages()));
  }
}
