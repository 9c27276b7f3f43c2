package org.claimdesk.engine;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.claimdesk.jdbc.DbTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Runs before the engine's own deployers on every new deployment (issue #20 point 1):
 * <ul>
 *   <li>only BPMN, DMN, Camunda Forms and a decision's test cases may be deployed: a script file,
 *       a CMMN case or anything else is refused;</li>
 *   <li>a DMN decision is evaluated in FEEL only: an {@code expressionLanguage} of JUEL or a script
 *       language on the definitions, a table, an input expression or an entry is refused;</li>
 *   <li>a deployment a person makes (REST, Camunda Modeler, Cockpit, the model-change API) passes
 *       every {@link DeploymentGate} (issue #23: the model quality gate, the decisions' own test cases,
 *       a manager's approval of changed outcomes);</li>
 *   <li>the deployment is recorded in {@code claimdesk.deployment_audit}: who, when, which resources
 *       (each with its SHA-256), in the deployment's transaction.</li>
 * </ul>
 * A refusal is a {@link ParseException} naming the resource and the element, so the REST API (and
 * Camunda Modeler) answers 400 with the reason, and nothing of the deployment is kept.
 */
@Component
class DeploymentCheck implements Deployer {

  private static final Logger log = LoggerFactory.getLogger(DeploymentCheck.class);
  private static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form",
      ModelFile.DECISION_TESTS_SUFFIX);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectProvider<DeploymentGate> gates;

  DeploymentCheck(JdbcClient jdbc, Clock clock, ObjectProvider<DeploymentGate> gates) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.gates = gates;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // a deployment read back into the cache was checked when it was made
    }
    Map<String, ResourceEntity> resources = new TreeMap<>(deployment.getResources() == null ? Map.of()
        : deployment.getResources());
    List<String> lines = new ArrayList<>();
    resources.forEach((name, resource) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (MODEL_SUFFIXES.stream().noneMatch(lower::endsWith)) {
        throw refusal(name, null, "only BPMN (.bpmn), DMN (.dmn), Camunda Forms (.form) and a decision's test cases ("
            + ModelFile.DECISION_TESTS_SUFFIX + ") may be deployed");
      }
      if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
        checkDecision(name, resource.getBytes());
      }
      lines.add(name + " sha256:" + sha256(resource.getBytes()));
    });
    CommandContext command = Context.getCommandContext();
    String user = command == null ? null : command.getAuthenticatedUserId();
    String deployedBy = user == null ? "claimdesk" : user;
    if (user != null) {
      gate(deployment, resources, user);
    }
    jdbc.sql("""
            insert into claimdesk.deployment_audit (deployment_id, name, source, deployed_by, deployed_at, resources)
            values (:id, :name, :source, :by, :at, :resources)""")
        .param("id", deployment.getId())
        .param("name", deployment.getName())
        .param("source", deployment.getSource())
        .param("by", deployedBy)
        .param("at", DbTimes.toDb(clock.instant()))
        .param("resources", String.join("\n", lines))
        .update();
    log.info("Deployment {} ({}) by {}: {} resource(s)", deployment.getId(), deployment.getName(), deployedBy,
        lines.size());
  }

  /** A deployment a person makes passes every {@link DeploymentGate} or is refused whole. */
  private void gate(DeploymentEntity deployment, Map<String, ResourceEntity> resources, String user) {
    Map<String, byte[]> files = new TreeMap<>();
    resources.forEach((name, resource) -> files.put(name, resource.getBytes()));
    DeploymentGate.Request request = new DeploymentGate.Request(deployment.getName(), deployment.getSource(), user,
        deployment.getId(), files);
    for (DeploymentGate gate : gates.orderedStream().toList()) {
      try {
        gate.check(request);
      } catch (DeploymentGate.Refused refused) {
        List<DeploymentGate.Finding> findings = refused.findings();
        String first = findings.isEmpty() ? resources.keySet().stream().findFirst().orElse("deployment")
            : findings.get(0).resource();
        String message = "Refused: " + refused.getMessage() + (findings.isEmpty() ? "" : ": " + findings.stream()
            .map(DeploymentGate.Finding::toString).collect(java.util.stream.Collectors.joining("; ")));
        log.info("Deployment {} by {} refused: {} finding(s)", deployment.getName(), user, findings.size());
        throw new ParseException(message, first, findings.stream()
            .<Problem>map(f -> new Refusal(f.toString(), f.elementId())).toList(), List.of());
      }
    }
  }

  /** FEEL is the only expression language a decision may name. */
  private static void checkDecision(String resource, byte[] bytes) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    } catch (Exception e) {
      return; // not XML: the DMN parser reports it as it always did
    }
    checkElement(resource, root);
  }

  private static void checkElement(String resource, Element element) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      var attribute = attributes.item(i);
      String local = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
      if (local.equals("expressionLanguage") && !isFeel(attribute.getNodeValue())) {
        throw refusal(resource, element.getAttribute("id"), "a decision may use FEEL only, not expressionLanguage=\""
            + attribute.getNodeValue() + "\"");
      }
    }
    for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkElement(resource, childElement);
      }
    }
  }

  static boolean isFeel(String language) {
    String lower = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    return lower.equals("feel") || lower.equals("feel-scala") || lower.startsWith("https://www.omg.org/spec/dmn/")
        && lower.endsWith("/feel") || lower.startsWith("http://www.omg.org/spec/feel/");
  }

  private static ParseException refusal(String resource, String elementId, String why) {
    String id = elementId == null || elementId.isBlank() ? null : elementId;
    String message = "Refused: " + resource + (id == null ? "" : ", element " + id) + ": " + why;
    return new ParseException(message, resource, List.of(new Refusal(message, id)), List.of());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Refusal(String message, String elementId) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public List<String> getElementIds() {
      return elementId == null ? List.of() : List.of(elementId);
    }
  }
}
