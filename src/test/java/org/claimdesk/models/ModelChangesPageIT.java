package org.claimdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.RepositoryService;
import org.claimdesk.testsupport.Browser;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #23, the Cockpit page in a real browser (headless Chromium): the analyst logs in to Cockpit,
 * opens "Model changes", uploads an edited table (a row's annotation reworded: no past outcome
 * changes), reads the gate's result, the what-if and the row changed, deploys it, and finds it in
 * the deployment history. A change sent with the Cockpit session but without the page's CSRF
 * token is refused and changes nothing.
 */
@PostgresIntegrationTest
class ModelChangesPageIT {

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void removeNewVersions() {
    repository.createDeploymentQuery().deploymentSource(ModelChanges.SOURCE).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  @Test
  @DisplayName("upload, check, deploy and see the history in Cockpit; a change without the CSRF token is refused")
  void analystDeploysFromCockpit() throws Exception {
    Path dir = Files.createTempDirectory("claimdesk-model-change");
    Path table = dir.resolve("refund-eligibility.dmn");
    Files.writeString(table, Files.readString(Path.of("processes", "refund-eligibility.dmn"))
        .replace("RF-1: any other claim (billing error, other) is reviewed by support",
            "RF-1: any other claim (a billing error, anything else) is reviewed by support"));
    long changesBefore = changes();

    try (Browser browser = Browser.open(port)) {
      browser.loginTo("cockpit", "alex", "demo");
      browser.go("/camunda/app/cockpit/default/#/model-changes");
      browser.waitFor(By.id("claimdesk-models"));

      // An attack from the page's own session: no X-XSRF-TOKEN header, so refused and nothing kept.
      Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
          const done = arguments[0];
          const form = new FormData();
          form.append('files', new Blob(['<x/>']), 'refund-eligibility.dmn');
          fetch('/api/model-changes', {method: 'POST', credentials: 'same-origin', body: form})
            .then(r => done(String(r.status))).catch(e => done(String(e)));""");
      assertThat(status).isEqualTo("403");
      assertThat(changes()).isEqualTo(changesBefore);

      browser.driver().findElement(By.id("claimdesk-model-files")).sendKeys(table.toAbsolutePath().toString());
      browser.driver().findElement(By.id("claimdesk-propose")).click();
      browser.waitForText(By.cssSelector("[data-figure='change-status']"), "READY");
      assertThat(browser.driver().findElement(By.id("claimdesk-change")).getText())
          .contains("Rule_AnyOtherClaim", "a billing error, anything else")
          .containsPattern("refundEligibility: 0 of \\d+ past decisions change");
      browser.screenshot("cockpit-model-change-ready");

      browser.driver().findElement(By.id("claimdesk-deploy-change")).click();
      browser.waitForText(By.cssSelector("[data-figure='change-status']"), "DEPLOYED");
      long id = jdbc.sql("select max(id) from claimdesk.model_change").query(Long.class).single();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-figure='history-" + id + "']")));
      assertThat(browser.driver().findElement(By.id("claimdesk-history")).getText()).contains("DEPLOYED", "alex");
      browser.screenshot("cockpit-model-change-deployed");
    }
    assertThat(jdbc.sql("select status from claimdesk.model_change where id = (select max(id) from claimdesk.model_change)")
        .query(String.class).single()).isEqualTo("DEPLOYED");
    assertThat(repository.createDeploymentQuery().deploymentSource(ModelChanges.SOURCE).count()).isOne();
  }

  private long changes() {
    return jdbc.sql("select count(*) from claimdesk.model_change").query(Long.class).single();
  }
}
