package org.claimdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expressions a deployed model may hold (issue #20 point 1), attacked one by one. */
class ExpressionPolicyTest {

  private final ExpressionPolicy policy = new ExpressionPolicy(ExpressionAllowList.shipped());

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "${refundTasks.refundPayment}",
      "${serviceLevels.replyDueDate()}",
      "${serviceLevels.firstReplyDue}",
      "${discrepancyTimes.processorReminder}",
      "${decisionResult.getSingleResult().getEntry(\"ruleId\")}",
      "${verdict == 'REVIEW'}",
      "${resolution == 'FULL_REFUND' || resolution == 'PARTIAL_REFUND'}",
      "${!approvalRequired}",
      "${accessEndsAt}",
      "PT48H",
      "support"})
  @DisplayName("what the shipped models use is allowed")
  void shippedExpressionsAreAllowed(String expression) {
    assertThat(policy.refusals(expression)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "${jdbcCaseService.find('CD-1')}",
      "${caseTokens.tokenFor('CD-1')}",
      "${serviceLevels.getClass().forName('java.lang.Runtime')}",
      "${serviceLevels.replyDueDate().getClass()}",
      "${serviceLevels.class}",
      "${serviceLevels['class']}",
      "${execution.getProcessEngineServices().getRuntimeService()}",
      "${execution.processEngine}",
      "${task.execution}",
      "${execution}",
      "${someVariable.getClass()}",
      "${someVariable.bytes}",
      "${decisionResult.getResultList()}",
      "${decisionResult.getSingleResult().getEntry(name)}",
      "${decisionResult.getSingleResult().getClass()}",
      "${(serviceLevels).firstReplyDue.getClass()}",
      "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}",
      "${fn:dateTime()}",
      "${dateTime().plusDays(1)}",
      "#{refundTasks.refundPayment.execute(null)}",
      "${x[0]}",
      "${serviceLevels.replyDueDate(caseTokens.tokenFor('CD-1'))}",
      "${verdict == 'REVIEW' && applicationContext.getBean('caseTokens') != null}",
      "${unclosed"})
  @DisplayName("other beans, other members, reflection, engine objects, computed names and functions are refused")
  void attacksAreRefused(String expression) {
    assertThat(policy.refusals(expression)).as(expression).isNotEmpty();
  }

  @Test
  @DisplayName("a bare name is a process variable to the policy: a bean off the list is not resolvable at run time (ModelDeploymentSecurityIT)")
  void bareNameIsAVariable() {
    assertThat(policy.refusals("${caseTokens}")).isEmpty();
  }

  @Test
  @DisplayName("a tasks bean's allowed members may be called with variables; what moves money may not")
  void tasksBeansOpenOnlyTheirListedMembers() {
    assertThat(policy.refusals("${refundTasks.remind(caseReference, reminder)}")).isEmpty();
    assertThat(policy.refusals("${cancellationTasks.endAccess(caseReference, subscriptionId, plan)}")).isEmpty();
    // the payout steps are delegates (the case is the business key), read as a property
    assertThat(policy.refusals("${refundTasks.refundPayment}")).isEmpty();
    // The payout step is a delegate read as a property; called as a method it is refused at
    // deployment instead of failing at run time.
    assertThat(policy.refusals("${refundTasks.refundPayment(caseReference)}")).singleElement().asString()
        .contains("refundTasks.refundPayment").contains("as a method");
    // And a step called with variables is not read as a property.
    assertThat(policy.refusals("${refundTasks.remind}")).singleElement().asString().contains("as a property");
    assertThat(policy.refusals("${refundTasks.refundable(caseReference)}")).singleElement().asString()
        .contains("refundTasks.refundable");
    assertThat(policy.refusals("${refundTasks.claimFacts(orderId)}")).singleElement().asString()
        .contains("refundTasks.claimFacts");
    assertThat(policy.refusals("${refundTasks.remind(caseReference, execution)}")).isNotEmpty();
    assertThat(policy.refusals("${refundTasks.presentOffer(execution)}")).isNotEmpty();
  }

  @Test
  @DisplayName("a refusal says what is refused")
  void refusalNamesThePart() {
    assertThat(policy.refusals("${jdbcCaseService.find('CD-1')}")).singleElement().asString()
        .contains("jdbcCaseService.find").contains("not a bean on the allow-list");
    assertThat(policy.refusals("${serviceLevels.getClass()}")).singleElement().asString().contains("getClass");
  }

  @Test
  @DisplayName("an entry added for a deployment may not open reflection or the engine")
  void extraEntriesCannotOpenReflection() {
    ExpressionAllowList extra = ExpressionAllowList.withExtra(List.of("jdbcCaseService.updateStatus"));
    assertThat(extra.allows("jdbcCaseService", "updateStatus", true)).isTrue();
    assertThat(extra.allows("jdbcCaseService", "updateStatus", false)).isTrue();
    for (String entry : List.of("execution.getProcessEngineServices", "serviceLevels.getClass", "task")) {
      assertThatThrownBy(() -> ExpressionAllowList.withExtra(List.of(entry)))
          .as(entry).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName("the allow-list holds exactly the beans the shipped models name, no more")
  void allowListMatchesTheShippedModels() throws IOException {
    Pattern bean = Pattern.compile("\\$\\{(\\w+)(\\.\\w+)?");
    Set<String> named = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = bean.matcher(Files.readString(model));
        while (matcher.find()) {
          if (ExpressionAllowList.shipped().isBean(matcher.group(1))) {
            named.add(matcher.group(1));
          }
        }
      }
    }
    assertThat(ExpressionAllowList.shipped().beans()).containsExactlyInAnyOrderElementsOf(named);
  }
}
