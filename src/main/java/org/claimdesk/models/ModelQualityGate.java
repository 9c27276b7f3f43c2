package org.claimdesk.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.claimdesk.engine.ExpressionAllowList;
import org.claimdesk.engine.ExpressionPolicy;
import org.claimdesk.engine.ModelNodes;
import org.claimdesk.engine.ModelPolicy;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.DataAssociation;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The model quality gate: checks a set of BPMN, DMN and Camunda Form files against the rules
 * every model in {@code processes/} and {@code forms/} must meet (docs/model-quality-gate.md),
 * and returns one human-readable {@link Violation} per problem ({@code file: element id: problem
 * [rule]}). It only reads files; whether the engine accepts them is checked by deploying them
 * (ModelQualityGateTest).
 *
 * <p>Files are checked as one set, as they are deployed: a {@code camunda:formRef} must name a form
 * of the set, and process, decision and form keys must be unique within it.
 */
public final class ModelQualityGate {

  /** A file that is not well-formed, not valid against its schema, or (a form) not JSON. */
  public static final String PARSE = "parse";
  /** A BPMN file without an executable process: it would deploy nothing. */
  public static final String EXECUTABLE_PROCESS = "executable-process";
  /** A process or decision without {@code camunda:historyTimeToLive} (7.24 refuses to deploy it). */
  public static final String HISTORY_TTL = "history-ttl";
  /** An element without diagram layout (BPMNShape/BPMNEdge, DMNShape/DMNEdge). */
  public static final String DIAGRAM = "diagram";
  /** An ID Camunda Modeler generated ({@code Activity_0x1abc2}, {@code StartEvent_1}). */
  public static final String ID_GENERATED = "id-generated";
  /** An ID that breaks the naming convention (kebab-case keys, {@code Prefix_PascalCase} elements). */
  public static final String ID_FORMAT = "id-format";
  /** Two files of the set define the same process, decision or form key. */
  public static final String DUPLICATE_KEY = "duplicate-key";
  /** A user task without {@code camunda:formRef} + {@code camunda:formRefBinding="deployment"}. */
  public static final String USER_TASK_FORM = "user-task-form";
  /** A {@code camunda:formRef} naming a form id that no {@code *.form} file of the set defines. */
  public static final String FORM_REF = "form-ref";
  /** A form file without {@code id}, {@code components} or {@code type: "default"}. */
  public static final String FORM = "form";
  /** A message, error, signal or escalation referenced but not defined; a timer without a time. */
  public static final String REFERENCE = "reference";
  /**
   * A decision or called process bound with {@code deployment}: the application deploys each
   * process and each decision on its own ({@code DeploymentPlan}), so it would not be found.
   */
  public static final String BINDING = "binding";
  /** A file in processes/ or forms/ that the application would not deploy. */
  public static final String UNEXPECTED_FILE = "unexpected-file";
  /**
   * A script, a Java class named by the model, or an expression beyond the allow-list: the same
   * refusals the engine makes when the model is deployed (org.claimdesk.engine.ModelPolicy).
   */
  public static final String MODEL_CODE = "model-code";

  /** One problem found in one file. */
  public record Violation(String file, String elementId, String rule, String problem) {
    @Override
    public String toString() {
      return file + ": " + (elementId == null || elementId.isBlank() ? "-" : elementId) + ": " + problem
          + " [" + rule + "]";
    }
  }

  /** The result of one run: which files were checked and what was found. */
  public record Report(List<String> files, List<Violation> violations) {

    public boolean passed() {
      return violations.isEmpty();
    }

    public List<String> rules() {
      return violations.stream().map(Violation::rule).distinct().sorted().toList();
    }

    /** A few lines for a test log or an assertion message. */
    public String summary() {
      long bpmn = files.stream().filter(f -> f.endsWith(".bpmn")).count();
      long dmn = files.stream().filter(f -> f.endsWith(".dmn")).count();
      long forms = files.stream().filter(f -> f.endsWith(".form")).count();
      StringBuilder text = new StringBuilder()
          .append("Model quality gate: ").append(files.size()).append(" model file(s) checked (")
          .append(bpmn).append(" BPMN, ").append(dmn).append(" DMN, ").append(forms).append(" form), ")
          .append(violations.isEmpty() ? "no violation" : violations.size() + " violation(s):");
      violations.forEach(v -> text.append(System.lineSeparator()).append("  ").append(v));
      return text.toString();
    }
  }

  /** Process keys and form ids are kebab-case: {@code refund-request}, {@code review-claim}. */
  static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  /** Decision keys are lowerCamelCase, as Camunda's examples and the issues name them: {@code refundEligibility}. */
  static final Pattern DECISION_KEY = Pattern.compile("[a-z][a-z0-9]*([A-Z][a-z0-9]*)*");
  /** Element IDs are {@code Prefix_PascalCaseMeaning}: {@code Task_ReviewClaim}. */
  static final Pattern ELEMENT_ID = Pattern.compile("([A-Z][A-Za-z]*)_([A-Z][A-Za-z0-9]*)");
  /** Camunda Modeler's generated IDs: a type, '_' and 7 random characters starting with 0 or 1. */
  static final Pattern GENERATED_RANDOM = Pattern.compile("[A-Za-z]+_[01][a-z0-9]{6}");
  /** Older modelers' numbered defaults: {@code Task_1}, {@code StartEvent_1}, {@code SequenceFlow_12}. */
  static final Pattern GENERATED_NUMBERED = Pattern.compile("[A-Za-z]+_[0-9]+");

  private static final String DMNDI_SHAPE = "DMNShape";
  private static final String DMNDI_EDGE = "DMNEdge";

  /** The engine's own rules for deployed models, with the shipped allow-list. */
  private final ModelPolicy modelPolicy;
  private final Path baseDir;
  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * The gate the build applies: the shipped expression allow-list.
   *
   * @param baseDir the directory file names in violations are shown relative to
   */
  public ModelQualityGate(Path baseDir) {
    this(baseDir, ExpressionAllowList.shipped());
  }

  /** The gate with the allow-list the running application has (its configured extras included). */
  public ModelQualityGate(Path baseDir, ExpressionAllowList allowList) {
    this.baseDir = baseDir.toAbsolutePath().normalize();
    this.modelPolicy = new ModelPolicy(new ExpressionPolicy(allowList));
  }

  /** One file by its name in the deployment ({@code processes/refund-request.bpmn}) and its bytes. */
  public record Resource(String name, byte[] content) {
    public Resource {
      content = content.clone();
    }

    String extension() {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(DecisionTests.SUFFIX)) {
        return DecisionTests.SUFFIX;
      }
      int dot = lower.lastIndexOf('.');
      return dot < 0 || dot < lower.lastIndexOf('/') ? "" : lower.substring(dot);
    }

    InputStream stream() {
      return new ByteArrayInputStream(content);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // entry points

  /**
   * Checks the analysts' directories as the application deploys them: {@code *.bpmn} and
   * {@code *.dmn} under {@code processesDir}, {@code *.form} under {@code formsDir}, recursively.
   * Markdown files (a README) and hidden files are ignored; any other file is reported, because
   * it would silently not be deployed. A missing directory counts as empty.
   */
  public Report checkDirectories(Path processesDir, Path formsDir) {
    List<Violation> violations = new ArrayList<>();
    List<Path> models = new ArrayList<>();
    collect(processesDir, Set.of(".bpmn", ".dmn", DecisionTests.SUFFIX),
        "only .bpmn, .dmn and " + DecisionTests.SUFFIX + " files in processes/ are deployed (forms belong in forms/)",
        models, violations);
    collect(formsDir, Set.of(".form"), "only .form files in forms/ are deployed", models, violations);
    Report report = checkFiles(models);
    violations.addAll(report.violations());
    return new Report(report.files(), sorted(violations));
  }

  /** Checks the given files as one deployment set; the kind of each file follows its extension. */
  public Report checkFiles(Collection<Path> files) {
    List<Resource> resources = new ArrayList<>();
    for (Path file : files.stream().map(p -> p.toAbsolutePath().normalize()).sorted().toList()) {
      try {
        resources.add(new Resource(display(file), Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return checkResources(resources);
  }

  /**
   * Checks the files of one deployment, as the application's deployment gate does for every model an
   * analyst deploys; a {@value DecisionTests#SUFFIX} file is left to {@link DecisionTests}.
   */
  public Report checkResources(Collection<Resource> resources) {
    List<Resource> ordered = resources.stream().sorted(Comparator.comparing(Resource::name)).toList();
    List<Violation> violations = new ArrayList<>();

    Map<String, List<String>> formIds = new LinkedHashMap<>();
    Map<String, List<String>> processKeys = new LinkedHashMap<>();
    Map<String, List<String>> decisionKeys = new LinkedHashMap<>();
    List<FormLink> formLinks = new ArrayList<>();

    for (Resource file : ordered) {
      String name = file.name();
      switch (file.extension()) {
        case ".bpmn" -> checkBpmn(file, name, violations, processKeys, formLinks);
        case ".dmn" -> checkDmn(file, name, violations, decisionKeys);
        case ".form" -> checkForm(file, name, violations, formIds);
        case DecisionTests.SUFFIX -> {
          // the decision's test cases: run by DecisionTests against the table
        }
        default -> violations.add(new Violation(name, null, UNEXPECTED_FILE,
            "not a .bpmn, .dmn or .form file"));
      }
    }

    for (FormLink link : formLinks) {
      if (!formIds.containsKey(link.formRef())) {
        violations.add(new Violation(link.file(), link.elementId(), FORM_REF,
            "camunda:formRef=\"" + link.formRef() + "\" names no form: no .form file of the set has this id"
                + (formIds.isEmpty() ? " (the set has no form)" : " (known: " + String.join(", ", formIds.keySet()) + ")")));
      }
    }
    duplicates(formIds, "form id", violations);
    duplicates(processKeys, "process key", violations);
    duplicates(decisionKeys, "decision key", violations);

    return new Report(ordered.stream().map(Resource::name).toList(), sorted(violations));
  }

  // ---------------------------------------------------------------------------------------------
  // BPMN

  private static org.w3c.dom.Element domOf(Resource file) {
    try (InputStream in = file.stream()) {
      javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("read as BPMN but not as XML: " + file.name(), e);
    }
  }

  private record FormLink(String file, String elementId, String formRef) {
  }

  private void checkBpmn(Resource file, String name, List<Violation> violations,
      Map<String, List<String>> processKeys, List<FormLink> formLinks) {
    BpmnModelInstance model;
    try (InputStream in = file.stream()) {
      model = Bpmn.readModelFromStream(in);
    } catch (Exception e) {
      violations.add(new Violation(name, null, PARSE, "cannot be read as BPMN 2.0: " + rootMessage(e)));
      return;
    }

    // Scripts, classes and expressions: what the engine would refuse at deployment.
    for (ModelPolicy.Refusal refusal : modelPolicy.refusals(ModelNodes.of(domOf(file)))) {
      violations.add(new Violation(name, refusal.elementId(), MODEL_CODE, refusal.what()));
    }

    // Processes: executable, history TTL, key.
    List<Process> executable = model.getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).toList();
    if (executable.isEmpty()) {
      violations.add(new Violation(name, null, EXECUTABLE_PROCESS,
          "no executable process (isExecutable=\"true\"): the file would deploy nothing"));
    }
    for (Process process : executable) {
      String key = process.getId();
      if (blank(process.getCamundaHistoryTimeToLiveString())) {
        violations.add(new Violation(name, key, HISTORY_TTL,
            "process has no camunda:historyTimeToLive (the engine refuses to deploy it, ENGINE-12018)"));
      }
      checkKey(name, key, "process key", violations);
      if (key != null) {
        processKeys.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
      }
    }

    // Element IDs.
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (!(element instanceof DataObject)) { // the object behind a reference; the modeler hides it
        checkElementId(name, element, violations);
      }
    }
    for (Class<? extends BaseElement> type : List.of(Message.class, Error.class, Signal.class,
        Escalation.class, Participant.class, Lane.class)) {
      model.getModelElementsByType(type).forEach(element -> checkElementId(name, element, violations));
    }

    // Forms.
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkFormLink(name, task.getId(), "user task", task.getCamundaFormKey(), task.getCamundaFormRef(),
          task.getCamundaFormRefBinding(), true, violations, formLinks);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkFormLink(name, start.getId(), "start event", start.getCamundaFormKey(), start.getCamundaFormRef(),
          start.getCamundaFormRefBinding(), false, violations, formLinks);
    }

    // Bindings across deployments.
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if ("deployment".equals(task.getCamundaDecisionRefBinding())) {
        violations.add(new Violation(name, task.getId(), BINDING, "business rule task binds decision \""
            + task.getCamundaDecisionRef() + "\" with camunda:decisionRefBinding=\"deployment\", but each decision"
            + " is deployed on its own: use latest (the default), version or versionTag"));
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if ("deployment".equals(call.getCamundaCalledElementBinding())) {
        violations.add(new Violation(name, call.getId(), BINDING, "call activity binds process \""
            + call.getCalledElement() + "\" with camunda:calledElementBinding=\"deployment\", but each process"
            + " is deployed on its own: use latest (the default), version or versionTag"));
      }
    }

    checkReferences(name, model, violations);
    checkBpmnDiagram(name, model, violations);
  }

  private static void checkFormLink(String file, String id, String what, String formKey, String formRef,
      String binding, boolean required, List<Violation> violations, List<FormLink> formLinks) {
    if (!blank(formKey)) {
      violations.add(new Violation(file, id, USER_TASK_FORM, what + " uses camunda:formKey=\"" + formKey
          + "\": link a Camunda Form with camunda:formRef=\"<form id>\" and camunda:formRefBinding=\"deployment\""));
    }
    if (blank(formRef)) {
      if (required && blank(formKey)) {
        violations.add(new Violation(file, id, USER_TASK_FORM, what + " has no form: set camunda:formRef=\"<form id>\""
            + " and camunda:formRefBinding=\"deployment\" (the form lives in forms/)"));
      }
      return;
    }
    if (!"deployment".equals(binding)) {
      violations.add(new Violation(file, id, USER_TASK_FORM, what + " links its form with "
          + (blank(binding) ? "no camunda:formRefBinding" : "camunda:formRefBinding=\"" + binding + "\"")
          + ": use camunda:formRefBinding=\"deployment\", so the form is versioned with the process"));
    }
    formLinks.add(new FormLink(file, id, formRef));
  }

  private static void checkElementId(String file, BaseElement element, List<Violation> violations) {
    String id = element.getId();
    String type = element.getElementType().getTypeName();
    if (blank(id)) {
      violations.add(new Violation(file, null, ID_FORMAT, "a " + type + " has no id"));
      return;
    }
    String problem = elementIdProblem(id, expectedPrefixes(element));
    if (problem != null) {
      violations.add(new Violation(file, id, isGenerated(id) ? ID_GENERATED : ID_FORMAT, type + ": " + problem));
    }
  }

  /** The prefixes an element's ID may carry; empty when any {@code Prefix_} is fine. */
  static List<String> expectedPrefixes(BaseElement element) {
    if (element instanceof SequenceFlow) {
      return List.of("Flow");
    }
    if (element instanceof Gateway) {
      return List.of("Gateway");
    }
    if (element instanceof SubProcess) {
      return List.of("SubProcess", "Task");
    }
    if (element instanceof CallActivity) {
      return List.of("CallActivity", "Task");
    }
    if (element instanceof Activity) {
      return List.of("Task");
    }
    if (element instanceof Event event) {
      boolean timer = event.getChildElementsByType(TimerEventDefinition.class).size() > 0;
      return timer ? List.of("Timer", "Event") : List.of("Event");
    }
    if (element instanceof Message) {
      return List.of("Message");
    }
    if (element instanceof Error) {
      return List.of("Error");
    }
    if (element instanceof Signal) {
      return List.of("Signal");
    }
    if (element instanceof Escalation) {
      return List.of("Escalation");
    }
    if (element instanceof Participant) {
      return List.of("Participant");
    }
    if (element instanceof Lane) {
      return List.of("Lane");
    }
    return List.of();
  }

  /**
   * What is wrong with an element ID, or null when it follows the convention.
   *
   * @param prefixes the allowed prefixes; empty allows any
   */
  static String elementIdProblem(String id, List<String> prefixes) {
    String example = prefixes.isEmpty() ? "Task_ReviewClaim" : prefixes.get(0) + "_" + exampleMeaning(prefixes.get(0));
    if (isGenerated(id)) {
      return "generated ID \"" + id + "\": rename it to say what it means, e.g. " + example;
    }
    var matcher = ELEMENT_ID.matcher(id);
    if (!matcher.matches()) {
      return "ID \"" + id + "\" is not Prefix_PascalCaseMeaning, e.g. " + example;
    }
    if (!prefixes.isEmpty() && !prefixes.contains(matcher.group(1))) {
      return "ID \"" + id + "\" should start with " + String.join("_ or ", prefixes) + "_, e.g. " + example;
    }
    return null;
  }

  private static String exampleMeaning(String prefix) {
    return switch (prefix) {
      case "Flow" -> "Eligible";
      case "Gateway" -> "ClaimEligible";
      case "Timer" -> "FirstReplyDue";
      case "Event" -> "RefundPaid";
      case "Message" -> "CustomerReplied";
      case "Error" -> "OutsideWindow";
      case "Signal" -> "PolicyChanged";
      case "Escalation" -> "ManagerNeeded";
      case "Participant" -> "Customer";
      case "Lane" -> "Support";
      case "SubProcess" -> "CollectEvidence";
      case "CallActivity" -> "PayRefund";
      default -> "ReviewClaim";
    };
  }

  /** A process key or form id problem, or null. */
  static String keyProblem(String key) {
    return keyProblem(key, KEY, "kebab-case", "refund-request");
  }

  /** A decision key problem, or null. */
  static String decisionKeyProblem(String key) {
    return keyProblem(key, DECISION_KEY, "lowerCamelCase", "refundEligibility");
  }

  private static String keyProblem(String key, Pattern style, String styleName, String example) {
    if (blank(key)) {
      return "missing";
    }
    if (isGenerated(key)) {
      return "generated ID \"" + key + "\": use a " + styleName + " key that says what it is, e.g. " + example;
    }
    if (!style.matcher(key).matches()) {
      return "\"" + key + "\" is not " + styleName + ", e.g. " + example;
    }
    return null;
  }

  static boolean isGenerated(String id) {
    return id != null && (GENERATED_RANDOM.matcher(id).matches() || GENERATED_NUMBERED.matcher(id).matches());
  }

  private static void checkKey(String file, String key, String what, List<Violation> violations) {
    String problem = what.startsWith("decision") ? decisionKeyProblem(key) : keyProblem(key);
    if (problem != null) {
      violations.add(new Violation(file, key, isGenerated(key) ? ID_GENERATED : ID_FORMAT, what + ": " + problem));
    }
  }

  private static void checkReferences(String file, BpmnModelInstance model, List<Violation> violations) {
    for (EventDefinition definition : model.getModelElementsByType(EventDefinition.class)) {
      ModelElementInstance event = definition.getParentElement();
      String eventId = event instanceof BaseElement base ? base.getId() : null;
      boolean catching = event instanceof CatchEvent;
      if (definition instanceof MessageEventDefinition) {
        reference(file, model, eventId, definition, "messageRef", Message.class, "message", catching, violations);
      } else if (definition instanceof ErrorEventDefinition) {
        reference(file, model, eventId, definition, "errorRef", Error.class, "error", event instanceof EndEvent,
            violations);
      } else if (definition instanceof SignalEventDefinition) {
        reference(file, model, eventId, definition, "signalRef", Signal.class, "signal", true, violations);
      } else if (definition instanceof EscalationEventDefinition) {
        reference(file, model, eventId, definition, "escalationRef", Escalation.class, "escalation",
            !(event instanceof BoundaryEvent || event instanceof StartEvent), violations);
      } else if (definition instanceof TimerEventDefinition timer) {
        if (blankExpression(timer.getTimeDate()) && blankExpression(timer.getTimeDuration())
            && blankExpression(timer.getTimeCycle())) {
          violations.add(new Violation(file, eventId, REFERENCE,
              "timer has no timeDate, timeDuration or timeCycle"));
        }
      }
    }
    for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
      reference(file, model, task.getId(), task, "messageRef", Message.class, "message", false, violations);
    }
    for (Message message : model.getModelElementsByType(Message.class)) {
      if (blank(message.getName())) {
        violations.add(new Violation(file, message.getId(), REFERENCE,
            "message has no name: messages are correlated by name"));
      }
    }
    for (Signal signal : model.getModelElementsByType(Signal.class)) {
      if (blank(signal.getName())) {
        violations.add(new Violation(file, signal.getId(), REFERENCE, "signal has no name: signals are sent by name"));
      }
    }
  }

  private static void reference(String file, BpmnModelInstance model, String elementId, ModelElementInstance holder,
      String attribute, Class<? extends BaseElement> type, String what, boolean required, List<Violation> violations) {
    String ref = holder.getAttributeValue(attribute);
    if (blank(ref)) {
      if (required) {
        violations.add(new Violation(file, elementId, REFERENCE,
            "no " + attribute + ": choose the " + what + " this event " + (holder instanceof ReceiveTask ? "waits for" : "uses")));
      }
      return;
    }
    ModelElementInstance target = model.getModelElementById(localPart(ref));
    if (!type.isInstance(target)) {
      violations.add(new Violation(file, elementId, REFERENCE,
          attribute + "=\"" + ref + "\" names no bpmn:" + what + " defined in this file"));
    }
  }

  private static void checkBpmnDiagram(String file, BpmnModelInstance model, List<Violation> violations) {
    if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
      violations.add(new Violation(file, null, DIAGRAM,
          "no bpmndi:BPMNDiagram: the file has no layout, so Camunda Modeler and Cockpit cannot draw it"));
      return;
    }
    Set<String> shapes = new TreeSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      String ref = shape.getAttributeValue("bpmnElement");
      if (blank(ref)) {
        continue;
      }
      if (model.getModelElementById(localPart(ref)) == null) {
        violations.add(new Violation(file, shape.getId(), DIAGRAM, "BPMNShape for unknown element \"" + ref + "\""));
      } else if (shape.getBounds() != null) {
        shapes.add(localPart(ref));
      }
    }
    Set<String> edges = new TreeSet<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      String ref = edge.getAttributeValue("bpmnElement");
      if (blank(ref)) {
        continue;
      }
      if (model.getModelElementById(localPart(ref)) == null) {
        violations.add(new Violation(file, edge.getId(), DIAGRAM, "BPMNEdge for unknown element \"" + ref + "\""));
      } else if (edge.getWaypoints().size() >= 2) {
        edges.add(localPart(ref));
      }
    }

    for (Class<? extends BaseElement> type : List.of(FlowNode.class, DataObjectReference.class,
        DataStoreReference.class, TextAnnotation.class, Participant.class, Lane.class)) {
      for (BaseElement element : model.getModelElementsByType(type)) {
        if (element.getId() != null && !shapes.contains(element.getId())) {
          violations.add(new Violation(file, element.getId(), DIAGRAM, element.getElementType().getTypeName()
              + " has no BPMNShape with bounds: it is not drawn in Camunda Modeler or Cockpit"));
        }
      }
    }
    for (Class<? extends BaseElement> type : List.of(SequenceFlow.class, MessageFlow.class, Association.class,
        DataAssociation.class)) {
      for (BaseElement element : model.getModelElementsByType(type)) {
        if (element.getId() != null && !edges.contains(element.getId())) {
          violations.add(new Violation(file, element.getId(), DIAGRAM, element.getElementType().getTypeName()
              + " has no BPMNEdge with waypoints: it is not drawn in Camunda Modeler or Cockpit"));
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // DMN

  private void checkDmn(Resource file, String name, List<Violation> violations, Map<String, List<String>> decisionKeys) {
    DmnModelInstance model;
    Document dom;
    try (InputStream in = file.stream()) {
      model = Dmn.readModelFromStream(in);
      dom = readDom(file);
    } catch (Exception e) {
      violations.add(new Violation(name, null, PARSE, "cannot be read as DMN: " + rootMessage(e)));
      return;
    }

    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      String key = decision.getId();
      if (blank(decision.getCamundaHistoryTimeToLiveString())) {
        violations.add(new Violation(name, key, HISTORY_TTL,
            "decision has no camunda:historyTimeToLive (the engine refuses to deploy it, ENGINE-12018)"));
      }
      checkKey(name, key, "decision key", violations);
      if (key != null) {
        decisionKeys.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
      }
    }

    // DMNDI: the model API does not type it, so it is read from the DOM.
    Set<String> shapes = dmndiRefs(dom, DMNDI_SHAPE, "Bounds", 1);
    Set<String> edges = dmndiRefs(dom, DMNDI_EDGE, "waypoint", 2);
    for (String type : List.of("decision", "inputData", "businessKnowledgeModel", "knowledgeSource",
        "textAnnotation")) {
      for (Element element : dmnElements(dom, type)) {
        String id = element.getAttribute("id");
        if (!id.isEmpty() && !shapes.contains(id)) {
          violations.add(new Violation(name, id, DIAGRAM, type + " has no dmndi:DMNShape with bounds:"
              + " the decision requirements diagram does not show it (save the file with Camunda Modeler 5)"));
        }
      }
    }
    for (String type : List.of("informationRequirement", "knowledgeRequirement", "authorityRequirement",
        "association")) {
      for (Element element : dmnElements(dom, type)) {
        String id = element.getAttribute("id");
        if (!id.isEmpty() && !edges.contains(id)) {
          violations.add(new Violation(name, id, DIAGRAM, type + " has no dmndi:DMNEdge with waypoints"));
        }
      }
    }
  }

  private static Document readDom(Resource file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setExpandEntityReferences(false);
    secure(factory);
    try (InputStream in = file.stream()) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static void secure(DocumentBuilderFactory factory) throws ParserConfigurationException {
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
  }

  /** IDs referenced by DMNDI shapes/edges that carry at least {@code min} {@code child} elements. */
  private static Set<String> dmndiRefs(Document dom, String localName, String child, int min) {
    Set<String> refs = new TreeSet<>();
    NodeList nodes = dom.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      if (element.getNamespaceURI() == null || !element.getNamespaceURI().contains("DMNDI")) {
        continue;
      }
      if (element.getElementsByTagNameNS("*", child).getLength() >= min) {
        refs.add(localPart(element.getAttribute("dmnElementRef")));
      }
    }
    return refs;
  }

  /** DMN model elements of one local name, in the namespace of the file's DMN version (1.1 to 1.5). */
  private static List<Element> dmnElements(Document dom, String localName) {
    List<Element> elements = new ArrayList<>();
    NodeList nodes = dom.getElementsByTagNameNS(dom.getDocumentElement().getNamespaceURI(), localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  // ---------------------------------------------------------------------------------------------
  // Forms

  private void checkForm(Resource file, String name, List<Violation> violations, Map<String, List<String>> formIds) {
    JsonNode form;
    try {
      form = json.readTree(file.content());
    } catch (IOException e) {
      violations.add(new Violation(name, null, PARSE, "not valid JSON: " + firstLine(e.getMessage())));
      return;
    }
    if (form == null || !form.isObject()) {
      violations.add(new Violation(name, null, PARSE, "not a JSON object (a Camunda Form is one)"));
      return;
    }
    JsonNode id = form.get("id");
    String formId = id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    if (formId == null) {
      violations.add(new Violation(name, null, FORM,
          "form has no \"id\" (the id is what camunda:formRef names)"));
    } else {
      checkKey(name, formId, "form id", violations);
      formIds.computeIfAbsent(formId, k -> new ArrayList<>()).add(name);
    }
    JsonNode type = form.get("type");
    if (type == null || !"default".equals(type.asText())) {
      violations.add(new Violation(name, formId, FORM, "form \"type\" must be \"default\""
          + (type == null ? " (it is missing)" : " (it is " + type + ")")));
    }
    JsonNode components = form.get("components");
    if (components == null || !components.isArray()) {
      violations.add(new Violation(name, formId, FORM, "form has no \"components\" array"));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private void collect(Path dir, Set<String> modelExtensions, String unexpectedMessage, List<Path> models,
      List<Violation> violations) {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
        String fileName = path.getFileName().toString();
        if (isHidden(dir, path) || fileName.toLowerCase(Locale.ROOT).endsWith(".md")) {
          continue;
        }
        if (modelExtensions.contains(new Resource(fileName, new byte[0]).extension())) {
          models.add(path);
        } else {
          violations.add(new Violation(display(path), null, UNEXPECTED_FILE, unexpectedMessage));
        }
      }
    } catch (IOException e) {
      violations.add(new Violation(display(dir), null, PARSE, "cannot list the directory: " + e.getMessage()));
    }
  }

  private static boolean isHidden(Path dir, Path path) {
    for (Path part : dir.relativize(path)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static void duplicates(Map<String, List<String>> keys, String what, List<Violation> violations) {
    keys.forEach((key, files) -> {
      if (files.size() > 1) {
        for (String file : files) {
          violations.add(new Violation(file, key, DUPLICATE_KEY, what + " \"" + key + "\" is defined "
              + files.size() + " times (" + String.join(", ", files) + "): one deployment cannot hold both"));
        }
      }
    });
  }

  private static List<Violation> sorted(List<Violation> violations) {
    return violations.stream().sorted(Comparator.comparing(Violation::file)).toList();
  }

  private String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(baseDir) ? baseDir.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  private static String localPart(String qualified) {
    int colon = qualified.indexOf(':');
    return colon < 0 ? qualified.trim() : qualified.substring(colon + 1).trim();
  }

  private static boolean blankExpression(Expression expression) {
    return expression == null || blank(expression.getTextContent());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    return firstLine(message.replace("URI=null ", ""));
  }

  /** The first line of a message, trimmed ({@code ""} for none): what a finding shows of an exception. */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
