package org.claimdesk.engine;

import org.claimdesk.demo.DemoUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the engine to the state the application needs, once every bean exists and before the
 * web server takes requests or the job executor starts: models deployed, groups and rights in
 * place, Tasklist filters created, demo users (demo profile), and the demo-password guard
 * (postgres profile) last, so it also sees users created at this start.
 */
@Component
class EngineSetup implements SmartInitializingSingleton {

  private final ModelDeployer modelDeployer;
  private final AccessSetup accessSetup;
  private final TasklistFilters tasklistFilters;
  private final ObjectProvider<DemoUsers> demoUsers;
  private final ObjectProvider<DemoPasswordGuard> demoPasswordGuard;

  EngineSetup(ModelDeployer modelDeployer, AccessSetup accessSetup, TasklistFilters tasklistFilters,
      ObjectProvider<DemoUsers> demoUsers, ObjectProvider<DemoPasswordGuard> demoPasswordGuard) {
    this.modelDeployer = modelDeployer;
    this.accessSetup = accessSetup;
    this.tasklistFilters = tasklistFilters;
    this.demoUsers = demoUsers;
    this.demoPasswordGuard = demoPasswordGuard;
  }

  @Override
  public void afterSingletonsInstantiated() {
    modelDeployer.deployChanges();
    accessSetup.apply();
    tasklistFilters.ensure();
    demoUsers.ifAvailable(DemoUsers::create);
    demoPasswordGuard.ifAvailable(DemoPasswordGuard::check);
  }
}
