package org.claimdesk.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Switches off Camunda's per-user login locks (issue #20 point 4). By default the engine delays a
 * user's next login after each failed one and locks the user for good after ten: so anyone who
 * knows a user name (the administrator, the shop's service account) could lock it out by failing
 * its password. Here no count of failures ever locks a user and no failure delays the next login;
 * failed logins are throttled per client address instead, by {@code org.claimdesk.web.LoginThrottle}.
 */
@Component
class LoginLocksOff extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    // A lock of base * factor^(attempts - 1) seconds: with base 0 it ends the moment it starts.
    configuration.setLoginDelayBase(0);
  }
}
