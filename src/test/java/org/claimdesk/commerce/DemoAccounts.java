package org.claimdesk.commerce;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.claimdesk.engine.ClaimdeskGroups;

/**
 * Makes sure the demo accounts the API tests use exist: {@code shop} in merchant-systems and
 * {@code anna} in support, password {@code demo}, as {@code application-demo.yml} describes
 * them. Creates only what is missing, so it changes nothing where the application already
 * created its demo users.
 */
final class DemoAccounts {

  private DemoAccounts() {
  }

  static synchronized void ensure(IdentityService identity) {
    ensureGroup(identity, ClaimdeskGroups.MERCHANT_SYSTEMS);
    ensureGroup(identity, ClaimdeskGroups.SUPPORT);
    ensureUser(identity, MerchantApiClient.MERCHANT, "Demo", "Shop", ClaimdeskGroups.MERCHANT_SYSTEMS);
    ensureUser(identity, MerchantApiClient.SUPPORT_AGENT, "Anna", "Agent", ClaimdeskGroups.SUPPORT);
  }

  private static void ensureGroup(IdentityService identity, String id) {
    if (identity.createGroupQuery().groupId(id).singleResult() == null) {
      Group group = identity.newGroup(id);
      group.setName(id);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private static void ensureUser(IdentityService identity, String id, String firstName,
      String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).singleResult() == null) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@claimdesk.example");
      user.setPassword(MerchantApiClient.DEMO_PASSWORD);
      identity.saveUser(user);
    }
    List<String> groups = identity.createGroupQuery().groupMember(id).list().stream()
        .map(Group::getId).toList();
    if (!groups.contains(groupId)) {
      identity.createMembership(id, groupId);
    }
  }
}
