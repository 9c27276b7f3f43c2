package org.claimdesk.dashboard;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

import jakarta.ws.rs.Path;

/** Serves the plugin's static files (app/plugin.js, app/plugin.css) under Cockpit's plugin API. */
@Path("plugin/" + ClaimdeskCockpitPlugin.ID)
public class ClaimdeskCockpitPluginRootResource extends AbstractCockpitPluginRootResource {

  public ClaimdeskCockpitPluginRootResource() {
    super(ClaimdeskCockpitPlugin.ID);
  }
}
