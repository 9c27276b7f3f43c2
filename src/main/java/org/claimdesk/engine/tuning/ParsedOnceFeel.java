package org.claimdesk.engine.tuning;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine the FEEL engine it would build anyway (Camunda's
 * {@link ScalaFeelEngine}, with the configured custom functions), except that each expression is
 * parsed once ({@link ParsedOnceFeelEngine}). Decisions evaluate exactly as before.
 */
@Component
class ParsedOnceFeel extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // Read when the DMN engine is built, after every plugin and the configuration set the functions.
    dmn.setFeelEngineFactory(factory(() -> configuration.getDmnFeelCustomFunctionProviders()));
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** The factory of FEEL engines that parse once; {@code functions} may answer null for none. */
  static FeelEngineFactory factory(java.util.function.Supplier<List<FeelCustomFunctionProvider>> functions) {
    return () -> {
      List<FeelCustomFunctionProvider> providers = functions.get();
      return new ScalaFeelEngine(providers == null ? List.of() : providers) {
        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer transformer,
            ValueMapper.CompositeValueMapper valueMapper) {
          return new ParsedOnceFeelEngine(super.buildFeelEngine(transformer, valueMapper));
        }
      };
    };
  }
}
