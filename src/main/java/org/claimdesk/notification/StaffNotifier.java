package org.claimdesk.notification;

/** Internal notices to staff (never on the customer's timeline), e.g. the SL-1 24 h reminder to the team lead. */
public interface StaffNotifier {

  void notifyTeamLead(String caseReference, String subject, String text);
}
