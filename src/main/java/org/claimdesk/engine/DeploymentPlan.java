package org.claimdesk.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Groups model files into deployments so that versions follow changes and forms stay with
 * their process:
 * <ul>
 *   <li>each BPMN file is one deployment, named after the file, together with every form its
 *       user tasks and start events reference ({@code camunda:formRef} with
 *       {@code formRefBinding="deployment"} resolves forms inside the process's own deployment);</li>
 *   <li>each DMN file is one deployment of its own, so a rule change versions only the decision,
 *       with its test cases ({@code x.dmn-tests.json} beside {@code x.dmn}) when it has them, so the
 *       deployment gate finds the cases of the version deployed last;</li>
 *   <li>a form that no process references is deployed on its own, so every file is deployed.</li>
 * </ul>
 * The engine's duplicate filtering then skips a deployment whose files are all unchanged.
 */
public final class DeploymentPlan {

  /** One deployment to make: its name and files. */
  public record Bundle(String name, List<ModelFile> files) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeploymentPlan() {
  }

  public static List<Bundle> of(List<ModelFile> files) {
    Map<String, ModelFile> formsById = formsById(files);
    Set<String> referencedForms = new HashSet<>();
    List<Bundle> bundles = new ArrayList<>();
    List<ModelFile> sorted = files.stream().sorted(Comparator.comparing(ModelFile::name)).toList();
    Set<String> bundleNames = new HashSet<>();

    for (ModelFile file : sorted) {
      switch (file.kind()) {
        case BPMN -> {
          List<ModelFile> bundle = new ArrayList<>();
          bundle.add(file);
          for (String formId : formRefs(file)) {
            ModelFile form = formsById.get(formId);
            if (form == null) {
              throw new InvalidModelException(file.name() + " references form '" + formId
                  + "', but no file in forms/ has that id");
            }
            bundle.add(form);
            referencedForms.add(formId);
          }
          bundles.add(new Bundle(uniqueName("process:" + file.baseName(), bundleNames, file), bundle));
        }
        case DMN -> {
          List<ModelFile> bundle = new ArrayList<>();
          bundle.add(file);
          sorted.stream().filter(tests -> tests.kind() == ModelFile.Kind.DECISION_TESTS
                  && tests.name().equals(ModelFile.decisionTestsOf(file.name()))).forEach(bundle::add);
          bundles.add(new Bundle(uniqueName("decision:" + file.baseName(), bundleNames, file), List.copyOf(bundle)));
        }
        case DECISION_TESTS -> {
          if (sorted.stream().noneMatch(table -> table.kind() == ModelFile.Kind.DMN && ModelFile.decisionTestsOf(table.name()).equals(file.name()))) {
            throw new InvalidModelException(file.name() + " holds test cases, but there is no decision table "
                + file.name().substring(0, file.name().length() - ModelFile.DECISION_TESTS_SUFFIX.length()) + ".dmn");
          }
        }
        case FORM -> {
          // forms are placed below, once every process has claimed its own
        }
      }
    }
    formsById.forEach((formId, form) -> {
      if (!referencedForms.contains(formId)) {
        bundles.add(new Bundle(uniqueName("form:" + form.baseName(), bundleNames, form), List.of(form)));
      }
    });
    return List.copyOf(bundles);
  }

  private static String uniqueName(String name, Set<String> taken, ModelFile file) {
    if (!taken.add(name)) {
      throw new InvalidModelException("Two model files would share the deployment name '" + name
          + "' (" + file.name() + "): give them distinct file names");
    }
    return name;
  }

  private static Map<String, ModelFile> formsById(List<ModelFile> files) {
    Map<String, ModelFile> formsById = new LinkedHashMap<>();
    files.stream()
        .filter(file -> file.kind() == ModelFile.Kind.FORM)
        .sorted(Comparator.comparing(ModelFile::name))
        .forEach(form -> {
          String id = formId(form);
          ModelFile previous = formsById.putIfAbsent(id, form);
          if (previous != null) {
            throw new InvalidModelException("Form id '" + id + "' is defined twice: " + previous.name()
                + " and " + form.name());
          }
        });
    return formsById;
  }

  static String formId(ModelFile form) {
    try {
      JsonNode id = JSON.readTree(form.content()).get("id");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw new InvalidModelException(form.name() + " has no form id");
      }
      return id.asText();
    } catch (IOException e) {
      throw new InvalidModelException(form.name() + " is not valid form JSON: " + e.getMessage());
    }
  }

  static Set<String> formRefs(ModelFile bpmn) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.content()));
    } catch (RuntimeException e) {
      throw new InvalidModelException(bpmn.name() + " is not valid BPMN: " + e.getMessage());
    }
    Set<String> refs = new LinkedHashSet<>();
    model.getModelElementsByType(UserTask.class).stream()
        .map(UserTask::getCamundaFormRef)
        .filter(ref -> ref != null && !ref.isBlank())
        .forEach(refs::add);
    model.getModelElementsByType(StartEvent.class).stream()
        .map(StartEvent::getCamundaFormRef)
        .filter(ref -> ref != null && !ref.isBlank())
        .forEach(refs::add);
    return refs;
  }

  /** A model file that cannot be deployed; the application does not start with it. */
  public static class InvalidModelException extends RuntimeException {
    public InvalidModelException(String message) {
      super(message);
    }
  }
}
