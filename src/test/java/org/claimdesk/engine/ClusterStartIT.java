package org.claimdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.claimdesk.testsupport.NodeProcess;
import org.claimdesk.testsupport.PostgresAvailableCondition;
import org.claimdesk.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two production nodes, each in its own JVM, started at the same moment on one fresh
 * PostgreSQL database: both come up and serve, and the database holds each group, right,
 * filter and deployment once.
 */
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
class ClusterStartIT {

  private static final String ADMIN_PASSWORD = "cluster-" + System.nanoTime();

  @Test
  @DisplayName("two nodes starting together on a fresh database set it up exactly once")
  void twoNodesStartTogether() throws Exception {
    String url = PostgresTestDatabase.recreateDatabase("claimdesk_cluster_it");

    try (NodeProcess node1 = NodeProcess.start("cluster-node1", arguments(url));
        NodeProcess node2 = NodeProcess.start("cluster-node2", arguments(url))) {
      int port1 = node1.awaitStarted(Duration.ofMinutes(3));
      int port2 = node2.awaitStarted(Duration.ofMinutes(3));

      assertThat(filtersVisibleToRoot(port1)).isEqualTo(4);
      assertThat(filtersVisibleToRoot(port2)).isEqualTo(4);
      try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.USER,
          PostgresTestDatabase.PASSWORD)) {
        assertThat(strings(connection, "SELECT id_ FROM act_id_group WHERE id_ <> 'camunda-admin'"))
            .containsExactlyInAnyOrderElementsOf(ClaimdeskGroups.STAFF_AND_SYSTEMS);
        assertThat(strings(connection, "SELECT name_ FROM act_ru_filter"))
            .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_QUEUE,
                TasklistFilters.DUE_WITHIN_24H, TasklistFilters.ESCALATED);
        assertThat(strings(connection, "SELECT name_ FROM act_re_deployment"))
            .containsExactlyInAnyOrder("process:fixture-claim", "decision:fixture-decision");
        assertThat(strings(connection, "SELECT group_id_ || ' ' || resource_type_ || ' ' || resource_id_"
            + " FROM act_ru_authorization WHERE group_id_ <> 'camunda-admin'"
            + " AND resource_type_ <> 5" // filter grants, checked above through the filters
            + " AND NOT (resource_type_ = 2 AND resource_id_ = group_id_)")) // the engine's own "members read their group"
            .hasSize(AccessSetup.GRANTS.size())
            .doesNotHaveDuplicates();
      }
    }
  }

  private static List<String> arguments(String url) {
    return List.of(
        "--spring.profiles.active=postgres",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--claimdesk.deployment.locations=classpath*:deployer/processes/*.bpmn,"
            + "classpath*:deployer/processes/*.dmn,classpath*:deployer/forms/fixture-review.form",
        "--CLAIMDESK_DB_URL=" + url,
        "--CLAIMDESK_DB_USER=" + PostgresTestDatabase.USER,
        "--CLAIMDESK_DB_PASSWORD=" + PostgresTestDatabase.PASSWORD,
        "--CLAIMDESK_ADMIN_USER=root",
        "--CLAIMDESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        "--CLAIMDESK_CASE_TOKEN_SECRET=cluster-case-token-secret-" + System.nanoTime(),
        "--CLAIMDESK_PAYMENT_PROCESSOR=sandbox");
  }

  private static int filtersVisibleToRoot(int port) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/filter/count"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(("root:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .build();
    String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    return Integer.parseInt(body.replaceAll("\\D", ""));
  }

  private static List<String> strings(Connection connection, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }
}
