package org.claimdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class DeploymentPlanTest {

  @Test
  void aFormSharedByTwoProcessesIsDeployedWithEach() throws IOException {
    ModelFile first = fixture("processes/fixture-claim.bpmn");
    ModelFile second = new ModelFile("processes/other-claim.bpmn",
        text(first).replace("fixture-claim", "other-claim").getBytes(StandardCharsets.UTF_8));
    ModelFile form = fixture("forms/fixture-review.form");

    List<DeploymentPlan.Bundle> plan = DeploymentPlan.of(List.of(form, second, first));

    assertThat(plan).extracting(DeploymentPlan.Bundle::name)
        .containsExactly("process:fixture-claim", "process:other-claim");
    assertThat(plan).allSatisfy(bundle -> assertThat(bundle.files()).contains(form));
  }

  @Test
  void twoFormsWithOneIdAreRefused() throws IOException {
    ModelFile form = fixture("forms/fixture-review.form");
    ModelFile copy = new ModelFile("forms/copy.form", form.content());

    assertThatThrownBy(() -> DeploymentPlan.of(List.of(form, copy)))
        .isInstanceOf(DeploymentPlan.InvalidModelException.class)
        .hasMessageContaining("'fixture-review' is defined twice");
  }

  @Test
  void aFormWithoutIdAndABrokenDiagramAreRefusedByName() {
    ModelFile noId = new ModelFile("forms/no-id.form", "{\"components\": []}".getBytes(StandardCharsets.UTF_8));
    ModelFile broken = new ModelFile("processes/broken.bpmn", "<definitions".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> DeploymentPlan.of(List.of(noId)))
        .hasMessageContaining("forms/no-id.form has no form id");
    assertThatThrownBy(() -> DeploymentPlan.of(List.of(broken)))
        .hasMessageContaining("processes/broken.bpmn is not valid BPMN");
  }

  @Test
  void resourcesAreNamedFromTheirModelFolder() throws IOException {
    assertThat(ModelDeployer.deploymentName(new FileSystemResource("/srv/app/processes/refund-request.bpmn")))
        .isEqualTo("processes/refund-request.bpmn");
    assertThat(ModelDeployer.deploymentName(new FileSystemResource("/srv/processes/app/forms/review-claim.form")))
        .isEqualTo("forms/review-claim.form");
  }

  private static ModelFile fixture(String path) throws IOException {
    return new ModelFile(path, new ClassPathResource("deployer/" + path).getContentAsByteArray());
  }

  private static String text(ModelFile file) {
    return new String(file.content(), StandardCharsets.UTF_8);
  }
}
