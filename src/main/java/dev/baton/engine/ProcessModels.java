package dev.baton.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTaskForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What a job does not carry, read from the models Baton deployed: the playbook's and the step's
 * {@code name}, the retries the model gives a step, and the forms a step links by form id or embeds.
 * Cached per process definition key.
 *
 * <p>Where the XML comes from: models and forms registered with {@link #register} (playbooks Baton
 * deploys itself, e.g. uploads, and tests), else Baton's own {@code bpmn/*.bpmn} matched by process
 * id. The in-memory engine serves no XML (gRPC only), so this works on it and a cluster alike. A
 * linked form's job header carries the deployed form's key: Baton's own {@code bpmn/forms/*.form}
 * are deployed once more on the first unknown key (the engine answers an unchanged resource with
 * its existing key), so their keys become known without touching the start-up deployment.
 */
@Component
public class ProcessModels {

    private static final Logger log = LoggerFactory.getLogger(ProcessModels.class);
    private static final String EMBEDDED_FORM = "camunda-forms:bpmn:";
    private static final int ENGINE_DEFAULT_RETRIES = 3;

    /**
     * @param processId the process's id
     * @param processName the process's {@code name}, or null
     * @param elementNames flow element id to {@code name} (elements with a name only)
     * @param embeddedForms {@code zeebe:userTaskForm} id to its Camunda Forms JSON
     * @param retries job element id to the retries its task definition gives as a number
     * @param conditions gateway id to its outgoing flows that have a condition, in model order
     */
    record Model(
            String processId,
            String processName,
            Map<String, String> elementNames,
            Map<String, String> embeddedForms,
            Map<String, Integer> retries,
            Map<String, List<ConditionalFlow>> conditions) {
        static final Model NONE = new Model(null, null, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /**
     * A flow out of a gateway with a condition.
     *
     * @param name the flow's {@code name} (its label in the diagram), or null
     * @param condition the condition as written, e.g. {@code =amount > 100}
     */
    public record ConditionalFlow(String flowId, String name, String condition) {}

    /**
     * A step's form: {@code key} is what the task records as its form key (Baton's own form key, the
     * linked form's id, or the embedded form's {@code camunda-forms:bpmn:} key); {@code schema} the
     * form's JSON when Baton's forms by key do not have it, else null.
     */
    public record StepForm(String key, String schema) {}

    private final ObjectProvider<CamundaClient> client;
    private final Map<Long, Model> byDefinitionKey = new ConcurrentHashMap<>();
    private final Map<String, Model> lastRegisteredByProcessId = new ConcurrentHashMap<>();
    private final java.util.Set<Long> keysStandedInFor = ConcurrentHashMap.newKeySet();
    private final Map<Long, StepForm> formsByKey = new ConcurrentHashMap<>();
    private volatile Map<String, Model> ownByProcessId;
    private volatile boolean ownFormsKeyed;

    ProcessModels(ObjectProvider<CamundaClient> client) {
        this.client = client;
    }

    /**
     * Remembers what a deployment made: each process's model by its definition key, each form's JSON by
     * its key. {@code resources} are the deployed files by resource name, as sent.
     */
    public void register(DeploymentEvent deployment, Map<String, byte[]> resources) {
        for (Process p : deployment.getProcesses()) {
            byte[] xml = resources.get(p.getResourceName());
            if (xml != null) {
                Model model = parse(p.getBpmnProcessId(), new ByteArrayInputStream(xml));
                byDefinitionKey.put(p.getProcessDefinitionKey(), model);
                lastRegisteredByProcessId.put(p.getBpmnProcessId(), model);
            }
        }
        for (Form f : deployment.getForm()) {
            byte[] json = resources.get(f.getResourceName());
            if (json != null) {
                formsByKey.put(f.getFormKey(), new StepForm(f.getFormId(), new String(json, StandardCharsets.UTF_8)));
            }
        }
    }

    /** The process's {@code name}, or null. */
    public String processName(long definitionKey, String processId) {
        return model(definitionKey, processId).processName();
    }

    /** The element's {@code name}, or null when the model has none. */
    public String elementName(long definitionKey, String processId, String elementId) {
        return model(definitionKey, processId).elementNames().get(elementId);
    }

    /** The flows out of the gateway that have a condition, in model order; empty when it has none or is no gateway. */
    public List<ConditionalFlow> conditions(long definitionKey, String processId, String gatewayId) {
        return model(definitionKey, processId).conditions().getOrDefault(gatewayId, List.of());
    }

    /**
     * The retries the model gives the step's job ({@code zeebe:taskDefinition retries}): how many times
     * the engine hands it out before an incident. The engine's default, 3, when the model does not say
     * it as a number (an expression, no model).
     */
    public int retries(long definitionKey, String processId, String elementId) {
        return model(definitionKey, processId).retries().getOrDefault(elementId, ENGINE_DEFAULT_RETRIES);
    }

    /**
     * The step's form from its job header {@code io.camunda.zeebe:formKey}: an embedded form ({@code
     * camunda-forms:bpmn:<id>}), a linked form's numeric key, or Baton's own form key as it is. Empty
     * when there is no header; throws {@link IllegalArgumentException} for a form the models lack.
     */
    public Optional<StepForm> form(String header, long definitionKey, String processId) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String key = header.trim();
        if (key.startsWith(EMBEDDED_FORM)) {
            String schema = model(definitionKey, processId).embeddedForms().get(key.substring(EMBEDDED_FORM.length()));
            if (schema == null) {
                throw new IllegalArgumentException("the embedded form " + key + " is not in the model of " + processId);
            }
            return Optional.of(new StepForm(key, schema));
        }
        if (!key.chars().allMatch(Character::isDigit)) {
            return Optional.of(new StepForm(key, null));
        }
        long formKey = Long.parseLong(key);
        if (!formsByKey.containsKey(formKey)) {
            keyOwnForms();
        }
        StepForm linked = formsByKey.get(formKey);
        if (linked == null) {
            throw new IllegalArgumentException("the linked form with key " + key + " was not deployed by Baton");
        }
        return Optional.of(linked);
    }

    /**
     * The model registered under that key when it is of that process; else the last one registered for
     * the process (its key unseen here, or given again to another process by an engine that lost its
     * data: a step's name from a neighbouring version beats none); else Baton's own file of that id.
     */
    private Model model(long definitionKey, String processId) {
        Model registered = byDefinitionKey.get(definitionKey);
        if (registered != null && registered.processId().equals(processId)) {
            return registered;
        }
        Model sameProcess = lastRegisteredByProcessId.get(processId);
        if (sameProcess != null) {
            if (keysStandedInFor.add(definitionKey)) {
                log.warn(
                        "no model of {} registered under definition key {} ({}): its last registered version is used",
                        processId,
                        definitionKey,
                        registered == null ? "unknown key" : "registered for " + registered.processId());
            }
            return sameProcess;
        }
        return ownModels().getOrDefault(processId, Model.NONE);
    }

    private Map<String, Model> ownModels() {
        if (ownByProcessId == null) {
            Map<String, Model> models = new HashMap<>();
            for (Resource r : resources("classpath*:/bpmn/*.bpmn")) {
                try (InputStream in = r.getInputStream()) {
                    BpmnModelInstance instance = io.camunda.zeebe.model.bpmn.Bpmn.readModelFromStream(in);
                    instance.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
                            .forEach(p -> models.put(p.getId(), model(instance, p.getId())));
                } catch (IOException | RuntimeException e) {
                    log.warn("cannot read {} for step names: {}", r.getFilename(), e.toString());
                }
            }
            ownByProcessId = Map.copyOf(models);
        }
        return ownByProcessId;
    }

    private synchronized void keyOwnForms() {
        if (ownFormsKeyed) {
            return;
        }
        CamundaClient camunda = client.getObject();
        for (Resource r : resources("classpath*:/bpmn/forms/*.form")) {
            try (InputStream in = r.getInputStream()) {
                byte[] json = in.readAllBytes();
                DeploymentEvent deployed = camunda.newDeployResourceCommand()
                        .addResourceBytes(json, r.getFilename())
                        .send()
                        .join();
                register(deployed, Map.of(r.getFilename(), json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ownFormsKeyed = true;
    }

    private static Model parse(String processId, InputStream xml) {
        return model(io.camunda.zeebe.model.bpmn.Bpmn.readModelFromStream(xml), processId);
    }

    private static Model model(BpmnModelInstance instance, String processId) {
        io.camunda.zeebe.model.bpmn.instance.Process process = instance.getModelElementById(processId);
        Map<String, String> names = new HashMap<>();
        instance.getModelElementsByType(FlowElement.class).stream()
                .filter(e -> e.getName() != null && !e.getName().isBlank())
                .forEach(e -> names.put(e.getId(), e.getName().strip()));
        Map<String, String> forms = new HashMap<>();
        instance.getModelElementsByType(ZeebeUserTaskForm.class).forEach(f -> forms.put(f.getId(), f.getTextContent()));
        Map<String, Integer> retries = new HashMap<>();
        instance.getModelElementsByType(FlowElement.class).forEach(e -> {
            ZeebeTaskDefinition task = e.getSingleExtensionElement(ZeebeTaskDefinition.class);
            String given = task == null || task.getRetries() == null
                    ? ""
                    : task.getRetries().strip();
            if (given.matches("\\d{1,9}")) {
                retries.put(e.getId(), Integer.parseInt(given));
            }
        });
        Map<String, List<ConditionalFlow>> conditions = new HashMap<>();
        instance.getModelElementsByType(SequenceFlow.class).stream()
                .filter(f -> f.getConditionExpression() != null && f.getSource() instanceof Gateway)
                .forEach(f -> conditions
                        .computeIfAbsent(f.getSource().getId(), id -> new ArrayList<>())
                        .add(new ConditionalFlow(
                                f.getId(),
                                f.getName() == null || f.getName().isBlank()
                                        ? null
                                        : f.getName().strip(),
                                f.getConditionExpression().getTextContent().strip())));
        String name = process == null
                        || process.getName() == null
                        || process.getName().isBlank()
                ? null
                : process.getName().strip();
        return new Model(
                processId, name, Map.copyOf(names), Map.copyOf(forms), Map.copyOf(retries), Map.copyOf(conditions));
    }

    private static Resource[] resources(String pattern) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
