package org.claimdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ClaimdeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(ClaimdeskApplication.class, args);
  }
}
