package org.claimdesk.engine;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.claimdesk.engine.ClaimdeskGroups.ANALYSTS;
import static org.claimdesk.engine.ClaimdeskGroups.FINANCE;
import static org.claimdesk.engine.ClaimdeskGroups.MANAGERS;
import static org.claimdesk.engine.ClaimdeskGroups.MERCHANT_SYSTEMS;
import static org.claimdesk.engine.ClaimdeskGroups.SUPPORT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates Claimdesk's groups and gives each exactly the engine rights its work needs. Runs at
 * every start and only adds what is missing, so rights granted by hand in Camunda Admin are
 * kept. The admin group ({@code camunda-admin}) gets everything from the Camunda starter.
 *
 * <p>Task rights come from the tasks themselves: a candidate group is granted READ and
 * TASK_WORK on each task it is a candidate for ({@code default-user-permission-name-for-task}),
 * so support and finance see and work only their own group's tasks.
 */
@Component
public class AccessSetup {

  /** One grant: a group's permissions on one resource (id {@code *} for all of that type). */
  public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  private static final Map<String, String> GROUP_NAMES = Map.of(
      SUPPORT, "Support agents",
      FINANCE, "Finance and payments",
      MANAGERS, "Managers",
      ANALYSTS, "Process analysts",
      MERCHANT_SYSTEMS, "Merchant systems (service accounts)");

  /**
   * The processes a support agent starts in Tasklist to file a customer's phone or chat claim
   * ({@code processes/take-*-claim.bpmn}, {@code org.claimdesk.channels}).
   */
  public static final String TAKE_REFUND_CLAIM = "take-refund-claim";
  public static final String TAKE_CANCELLATION_CLAIM = "take-cancellation-claim";
  public static final String TAKE_DISCREPANCY_CLAIM = "take-discrepancy-claim";
  public static final String TAKE_WALLET_CLAIM = "take-wallet-claim";
  public static final List<String> STAFF_STARTED_PROCESSES =
      List.of(TAKE_REFUND_CLAIM, TAKE_CANCELLATION_CLAIM, TAKE_DISCREPANCY_CLAIM, TAKE_WALLET_CLAIM);

  /** The grants of every group. {@code merchant-systems} has none: it uses only {@code /api}. */
  public static final List<Grant> GRANTS = List.of(
      // Tasklist for the people who work tasks; names of processes shown beside their tasks.
      grant(SUPPORT, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      grant(SUPPORT, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
      // A support agent files a customer's phone or chat claim from Tasklist's "Start process" (issue #24):
      // CREATE_INSTANCE on exactly the four take-*-claim definitions, and the CREATE on process instances
      // every start needs. No CREATE_INSTANCE on a case's own process: only the intake starts those.
      grant(SUPPORT, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE),
      grant(SUPPORT, Resources.PROCESS_DEFINITION, TAKE_REFUND_CLAIM, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE),
      grant(SUPPORT, Resources.PROCESS_DEFINITION, TAKE_CANCELLATION_CLAIM, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE),
      grant(SUPPORT, Resources.PROCESS_DEFINITION, TAKE_DISCREPANCY_CLAIM, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE),
      grant(SUPPORT, Resources.PROCESS_DEFINITION, TAKE_WALLET_CLAIM, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE),
      grant(FINANCE, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      grant(FINANCE, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
      // Managers read everything in Cockpit and Tasklist; they work only the tasks offered to them,
      // and retry a failed job (a payout whose cause is fixed) from an incident in Cockpit.
      grant(MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      grant(MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      grant(MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB),
      grant(MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
      grant(MANAGERS, Resources.TASK, ANY, TaskPermissions.READ),
      grant(MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
          Permissions.READ_HISTORY),
      grant(MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
      grant(MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ),
      grant(MANAGERS, Resources.USER, ANY, Permissions.READ),
      grant(MANAGERS, Resources.GROUP, ANY, Permissions.READ),
      // Analysts read the models in Cockpit and deploy them (Camunda Modeler deploys through
      // /engine-rest). Least privilege (issue #20 point 7): no case of any customer - no running or
      // historic instance, no variable, no decision's inputs - only definitions and deployments.
      grant(ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      grant(ANALYSTS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
      grant(ANALYSTS, Resources.DECISION_DEFINITION, ANY, Permissions.READ),
      grant(ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
      grant(ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE));

  /**
   * Rights earlier versions granted and this one withdraws, removed at every start from a database
   * that still has them (the analysts read every customer's data through instances and history).
   */
  public static final List<Grant> WITHDRAWN = List.of(
      grant(ANALYSTS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY),
      grant(ANALYSTS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
      grant(ANALYSTS, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public AccessSetup(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  public void apply() {
    ClaimdeskGroups.STAFF_AND_SYSTEMS.forEach(this::ensureGroup);
    WITHDRAWN.forEach(this::withdraw);
    GRANTS.forEach(this::ensure);
  }

  /** Removes the grant's permissions where they are still granted. */
  public void withdraw(Grant grant) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    if (authorization == null || grant.permissions().stream().noneMatch(authorization::isPermissionGranted)) {
      return;
    }
    grant.permissions().forEach(authorization::removePermission);
    authorizationService.saveAuthorization(authorization);
    LOG.info("Withdrew {} {} on {} {}", grant.groupId(), grant.permissions().stream().map(Permission::getName).toList(),
        grant.resource().resourceName(), grant.resourceId());
  }

  /** Adds the grant's permissions to the group's authorization on that resource, creating it if needed. */
  public void ensure(Grant grant) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    grant.permissions().forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
    LOG.info("Granted {} {} on {} {}", grant.groupId(), grant.permissions().stream().map(Permission::getName).toList(),
        grant.resource().resourceName(), grant.resourceId());
  }

  private void ensureGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(groupId);
    group.setName(GROUP_NAMES.get(groupId));
    group.setType(MERCHANT_SYSTEMS.equals(groupId) ? "SYSTEM" : "WORKFLOW");
    identityService.saveGroup(group);
    LOG.info("Created group {}", groupId);
  }

  public static Grant grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    return new Grant(groupId, resource, resourceId, List.of(permissions));
  }
}
