package org.claimdesk.engine;

import org.claimdesk.demo.DemoUsers;
import org.claimdesk.engine.tuning.EngineTableTuning;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the engine to the state the application needs, once every bean exists and before the
 * web server takes requests or the job executor starts: models deployed, groups and rights in
 * place, Tasklist filters created, the statistics and index beside the engine tables (PostgreSQL), demo
 * users (demo profile), and the demo-password guard
 * (postgres profile) last, so it also sees users created at this start. The {@link StartupLock},
 * taken before the engine was built, is released once this is done, so nodes starting together on
 * one database build the schema and set it up one after the other.
 */
@Component
class EngineSetup implements SmartInitializingSingleton {

  private final StartupLock startupLock;
  private final ModelDeployer modelDeployer;
  private final AccessSetup accessSetup;
  private final TasklistFilters tasklistFilters;
  private final EngineTableTuning engineTableTuning;
  private final ObjectProvider<DemoUsers> demoUsers;
  private final ObjectProvider<DemoPasswordGuard> demoPasswordGuard;

  EngineSetup(StartupLock startupLock, ModelDeployer modelDeployer, AccessSetup accessSetup,
      TasklistFilters tasklistFilters, EngineTableTuning engineTableTuning, ObjectProvider<DemoUsers> demoUsers,
      ObjectProvider<DemoPasswordGuard> demoPasswordGuard) {
    this.startupLock = startupLock;
    this.modelDeployer = modelDeployer;
    this.accessSetup = accessSetup;
    this.tasklistFilters = tasklistFilters;
    this.engineTableTuning = engineTableTuning;
    this.demoUsers = demoUsers;
    this.demoPasswordGuard = demoPasswordGuard;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      modelDeployer.deployChanges();
      accessSetup.apply();
      tasklistFilters.ensure();
      engineTableTuning.ensure();
      demoUsers.ifAvailable(DemoUsers::create);
    } finally {
      startupLock.release();
    }
    demoPasswordGuard.ifAvailable(DemoPasswordGuard::check);
  }
}
