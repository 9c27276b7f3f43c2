package org.claimdesk.engine;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes deploying a model safe (issue #20 point 1). Analysts deploy BPMN and DMN from Camunda
 * Modeler; what they deploy must not run code:
 * <ol>
 *   <li>a BPMN parse listener runs {@link ModelPolicy} on every model before the engine builds
 *       anything from it (so before a timer start event's date is evaluated during the deployment):
 *       a refusal is a parse error, the deployment fails as a whole and the REST API answers 400
 *       naming the element and the expression;</li>
 *   <li>{@link DeploymentCheck}, before any resource is parsed, refuses files that are not BPMN, DMN
 *       or a form, DMN whose expression language is not FEEL, and records who deployed what;</li>
 *   <li>the engine's bean resolver sees only the beans of the {@link ExpressionAllowList}, looked up
 *       when first used, and its expression manager refuses reflective members (getClass, forName,
 *       the engine's services) on any object at evaluation time too.</li>
 * </ol>
 */
@Component
class ModelGuard extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;
  private final ExpressionAllowList allowList;
  private final ModelPolicy policy;
  private final DeploymentCheck deploymentCheck;

  ModelGuard(ApplicationContext applicationContext, Environment environment, DeploymentCheck deploymentCheck) {
    this.applicationContext = applicationContext;
    this.allowList = ExpressionAllowList.configured(environment);
    this.policy = new ModelPolicy(new ExpressionPolicy(allowList));
    this.deploymentCheck = deploymentCheck;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new RefusingParseListener(policy));
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(deploymentCheck);
    Map<Object, Object> beans = new AllowListedBeans(applicationContext, allowList.beans());
    configuration.setBeans(beans);
    configuration.setExpressionManager(new GuardedExpressionManager(applicationContext, beans));
  }

  ExpressionAllowList allowList() {
    return allowList;
  }

  /** Refuses a model with code in it while it is parsed, naming the element and what is refused. */
  static final class RefusingParseListener extends AbstractBpmnParseListener {

    private final ModelPolicy policy;

    RefusingParseListener(ModelPolicy policy) {
      this.policy = policy;
    }

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
      List<ModelPolicy.Refusal> refusals = policy.refusals(ModelNodes.of(rootElement));
      if (!refusals.isEmpty()) {
        throw new BpmnParseException("Refused: the model may not run code. " + refusals.stream()
            .map(ModelPolicy.Refusal::toString).collect(Collectors.joining("; ")), rootElement);
      }
    }
  }

  /** The allow-listed beans only, each fetched from the application when an expression first names it. */
  static final class AllowListedBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext applicationContext;
    private final Set<String> names;

    AllowListedBeans(ApplicationContext applicationContext, Set<String> names) {
      this.applicationContext = applicationContext;
      this.names = names;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names.contains(name) && applicationContext.containsBean(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? applicationContext.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return names.stream().filter(applicationContext::containsBean)
          .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, applicationContext.getBean(name)))
          .collect(Collectors.toUnmodifiableSet());
    }
  }

  /**
   * Spring's expression manager on the allow-listed beans, with reflective members refused first
   * and the allow-listed beans found before any process variable: Camunda's own order looks for a
   * variable first, so a variable named like a bean (set by a task's form, a message, the REST
   * API) would stand in for it, and every {@code ${bean...}} loaded the variables of every scope
   * up to the process instance before finding the bean (a tenth of a fired timer's cost,
   * docs/benchmark.md).
   */
  static final class GuardedExpressionManager extends SpringExpressionManager {

    GuardedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
      super(applicationContext, beans);
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new ReflectionRefusingResolver());
      resolver.add(new ReadOnlyMapELResolver(beans));
      resolver.add(super.createElResolver());
      return resolver;
    }
  }

  /** Resolves nothing; refuses a reflective property or method on any object. */
  static final class ReflectionRefusingResolver extends ELResolver {

    private static void refuse(Object base, Object member) {
      if (base != null && member != null && ExpressionAllowList.REFLECTIVE.contains(member.toString())) {
        throw new ELException("'" + member + "' is not allowed in an expression");
      }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      refuse(base, property);
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      refuse(base, method);
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      refuse(base, property);
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      refuse(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      refuse(base, property);
      return false;
    }

    @Override
    public java.util.Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }
  }
}
