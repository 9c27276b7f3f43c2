package org.claimdesk.engine.tuning;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the JDK find its XML {@link DatatypeFactory} without searching the class path each time.
 *
 * <p>The engine reads every ISO-8601 timer duration (the first-reply timers, the claim windows)
 * with a new {@code DatatypeFactory}, and {@link DatatypeFactory#newInstance()} looks for a provider
 * through the {@link java.util.ServiceLoader} on every call unless the system property
 * {@value DatatypeFactory#DATATYPEFACTORY_PROPERTY} names one: with the application's jars that
 * search was an eighth of the CPU of filing a claim (two timers), and worse when threads queue on
 * the jar files (docs/benchmark.md). The property is set to the implementation the search finds
 * anyway, and only when that is the JDK's own and nobody set the property before, so nothing but
 * the search changes.
 */
@Component
class DatatypeFactoryLookup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DatatypeFactoryLookup.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    nameTheBuiltInFactory();
  }

  /** Sets the property to the JDK's factory if the search would find that one; answers whether it is set now. */
  static boolean nameTheBuiltInFactory() {
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) != null) {
      return true;
    }
    try {
      String found = DatatypeFactory.newInstance().getClass().getName();
      if (!DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS.equals(found)) {
        LOG.info("The class path provides its own DatatypeFactory ({}): left to the JDK's search", found);
        return false;
      }
    } catch (DatatypeConfigurationException e) {
      return false;
    }
    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    return true;
  }
}
