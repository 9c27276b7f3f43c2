package org.claimdesk.dashboard;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Claimdesk plugin of Cockpit (Community Edition plugin mechanism): registered in
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}, its script is
 * {@code plugin-webapp/claimdesk/app/plugin.js} (served by Cockpit at
 * {@code /camunda/api/cockpit/plugin/claimdesk/static/app/plugin.js}). It adds the managers'
 * dashboard to Cockpit's dashboard and a "Case" tab to the process-instance page, both reading
 * {@code /api/dashboard}. Cockpit instantiates it, not Spring.
 */
public class ClaimdeskCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "claimdesk";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ClaimdeskCockpitPluginRootResource.class);
  }
}
