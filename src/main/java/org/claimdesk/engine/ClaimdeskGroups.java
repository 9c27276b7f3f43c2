package org.claimdesk.engine;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups Claimdesk's staff and systems belong to. */
public final class ClaimdeskGroups {

  public static final String SUPPORT = "support";
  public static final String FINANCE = "finance";
  public static final String MANAGERS = "managers";
  public static final String ANALYSTS = "analysts";
  public static final String MERCHANT_SYSTEMS = "merchant-systems";
  public static final String ADMIN = Groups.CAMUNDA_ADMIN;

  /** The groups created at every start, in every profile (the admin group is Camunda's own). */
  public static final List<String> STAFF_AND_SYSTEMS =
      List.of(SUPPORT, FINANCE, MANAGERS, ANALYSTS, MERCHANT_SYSTEMS);

  /**
   * The groups that work in the engine (Tasklist, Cockpit, Modeler, Admin) and so may use its REST
   * API; the shop's service account and a user in no such group may not (issue #20 point 7).
   */
  public static final List<String> ENGINE_GROUPS = List.of(SUPPORT, FINANCE, MANAGERS, ANALYSTS, ADMIN);

  private ClaimdeskGroups() {
  }
}
