package org.claimdesk.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.Test;

/** The engine's timer durations get the JDK's own DatatypeFactory by name, not by a class path search. */
class DatatypeFactoryLookupTest {

  @Test
  void theBuiltInFactoryIsNamedAndStillTheOneEveryoneGets() throws Exception {
    assertThat(DatatypeFactoryLookup.nameTheBuiltInFactory()).isTrue();

    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    assertThat(DatatypeFactory.newInstance().getClass().getName())
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    assertThat(DatatypeFactory.newInstance().newDuration("PT24H").getHours()).isEqualTo(24);
  }
}
