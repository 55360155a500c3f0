package dev.baton.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Checks a playbook before it is deployed and lists every problem found, in plain words, each
 * with its element: what the engine's own model validation finds, and what the engine would accept
 * but Baton could not run (a job type with no worker, a call to a process not deployed, a DMN
 * decision, a Camunda user task, a user task nobody is assigned, a missing form, no diagram, a
 * building block without its required inputs). The engine's deploy-time checks (FEEL expressions) come
 * on top when it is asked to deploy (see {@link PlaybookDeployer}).
 */
@Component
public class PlaybookChecks {

    private final JobTypes jobTypes;
    private final DeployedPlaybooks deployed;
    private final ObjectMapper json;
    private final DataSize maxFileSize;

    PlaybookChecks(
            JobTypes jobTypes,
            DeployedPlaybooks deployed,
            ObjectMapper json,
            @Value("${baton.playbooks.max-file-size:1MB}") DataSize maxFileSize) {
        this.jobTypes = jobTypes;
        this.deployed = deployed;
        this.json = json;
        this.maxFileSize = maxFileSize;
    }

    /** Every problem of the BPMN file and its forms; empty when Baton can run it. */
    public List<PlaybookProblem> check(PlaybookFiles files) {
        List<PlaybookProblem> problems = new ArrayList<>();
        sizes(files, problems);
        if (!problems.isEmpty()) {
            return problems; // nothing over the limit is read
        }
        Set<String> uploadedForms = forms(files.forms(), problems);
        PlaybookXml xml;
        try {
            xml = PlaybookXml.parse(files.bpmn());
        } catch (PlaybookXml.DoctypeRefused e) {
            problems.add(PlaybookProblem.ofFile(
                    files.bpmnName(),
                    "the file declares a DOCTYPE: Baton does not read XML"
                            + " with a DOCTYPE or entities (Camunda Modeler never writes one); remove it"));
            return problems;
        } catch (Exception e) {
            problems.add(PlaybookProblem.ofFile(
                    files.bpmnName(), "not a BPMN file: it is not well-formed XML (" + e.getMessage() + ")"));
            return problems;
        }
        if (!xml.isBpmn()) {
            problems.add(PlaybookProblem.ofFile(
                    files.bpmnName(), "not a BPMN file: its root is not a BPMN 2.0 <definitions> element"));
            return problems;
        }
        Map<String, String> names = xml.namesById();
        camunda7(files.bpmnName(), xml, names, problems);
        if (xml.processes().isEmpty()) {
            problems.add(PlaybookProblem.ofFile(files.bpmnName(), "the file has no executable process"));
        }
        engineModel(files, problems);
        jobTypes(xml, names, problems);
        calls(xml, names, problems);
        decisions(xml, names, problems);
        BlockChecks.check(xml, names, problems);
        userTasks(xml, names, uploadedForms, problems);
        PlaybookFormChecks.embedded(xml, json, problems);
        if (xml.all(PlaybookXml.BPMNDI, "BPMNDiagram").isEmpty()) {
            problems.add(PlaybookProblem.ofFile(
                    files.bpmnName(),
                    "the file has no diagram (no bpmndi:BPMNDiagram):"
                            + " open it in Camunda Modeler and save it, so that it can be drawn"));
        }
        return problems;
    }

    private void sizes(PlaybookFiles files, List<PlaybookProblem> problems) {
        Map<String, byte[]> all = new java.util.LinkedHashMap<>(Map.of(files.bpmnName(), files.bpmn()));
        all.putAll(files.forms());
        all.forEach((name, bytes) -> {
            if (bytes.length > maxFileSize.toBytes()) {
                problems.add(PlaybookProblem.ofFile(
                        name,
                        "the file is " + bytes.length / 1024 + " KB; files over " + maxFileSize.toKilobytes()
                                + " KB are refused"));
            }
        });
    }

    /** The uploaded forms' ids and file names (without .form). */
    private Set<String> forms(Map<String, byte[]> forms, List<PlaybookProblem> problems) {
        Set<String> refs = new HashSet<>();
        forms.forEach((name, bytes) -> {
            try {
                JsonNode form = json.readTree(bytes);
                if (form == null
                        || !form.path("id").isTextual()
                        || !form.path("components").isArray()) {
                    problems.add(
                            PlaybookProblem.ofFile(name, "not a Camunda form: it needs an \"id\" and \"components\""));
                    return;
                }
                refs.add(form.get("id").asText());
                refs.add(name.replaceFirst("\\.form$", ""));
                PlaybookFormChecks.file(name, form, problems);
            } catch (java.io.IOException e) {
                problems.add(PlaybookProblem.ofFile(name, "not a Camunda form: it is not JSON"));
            }
        });
        return refs;
    }

    private static void camunda7(
            String fileName, PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {
        String platform = xml.document.getDocumentElement().getAttributeNS(PlaybookXml.MODELER, "executionPlatform");
        boolean found = "Camunda Platform".equals(platform);
        for (Element e : xml.all("*", "*")) {
            List<String> attributes = new ArrayList<>();
            NamedNodeMap map = e.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                if (PlaybookXml.CAMUNDA_7.equals(((Attr) map.item(i)).getNamespaceURI())) {
                    attributes.add("camunda:" + map.item(i).getLocalName());
                }
            }
            boolean camundaElement = PlaybookXml.CAMUNDA_7.equals(e.getNamespaceURI());
            if (!attributes.isEmpty() || camundaElement) {
                found = true;
                Element owner = camundaElement ? PlaybookXml.owner(e) : e;
                String id = owner.hasAttribute("id") ? owner.getAttribute("id") : null;
                String what = camundaElement ? "camunda:" + e.getLocalName() : String.join(", ", attributes);
                problems.add(new PlaybookProblem(
                        id, names.get(id), "uses Camunda 7's " + what + ", which Camunda 8 ignores"));
            }
        }
        if (found) {
            problems.addFirst(
                    PlaybookProblem.ofFile(
                            fileName,
                            "a Camunda 7 (Camunda Platform) model: Baton runs Camunda 8"
                                    + " models. Draw it as a Camunda 8 diagram in Camunda Modeler (or migrate it) and upload it again"));
        }
    }

    /** The engine's model validation (the checks the engine makes before any expression is read). */
    private static void engineModel(PlaybookFiles files, List<PlaybookProblem> problems) {
        BpmnModelInstance model;
        try {
            model = io.camunda.zeebe.model.bpmn.Bpmn.readModelFromStream(new ByteArrayInputStream(files.bpmn()));
        } catch (RuntimeException e) {
            problems.add(PlaybookProblem.ofFile(files.bpmnName(), "not valid BPMN 2.0: " + rootMessage(e)));
            return;
        }
        model.validate(ZeebeDesignTimeValidators.VALIDATORS)
                .getResults()
                .forEach((element, results) -> results.stream()
                        .filter(r -> r.getType() == ValidationResultType.ERROR)
                        .forEach(r -> problems.add(new PlaybookProblem(id(element), name(element), r.getMessage()))));
    }

    /**
     * Job types written plainly or as a FEEL expression that gives the same name whatever the
     * instance (a constant); an expression over the instance's variables is refused: Baton's workers
     * are a fixed list, so only a fixed name can be known to have one.
     */
    private void jobTypes(PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {
        Set<String> known = jobTypes.known();
        String served = "Job types Baton serves: " + String.join(", ", known);
        for (Element definition : xml.all(PlaybookXml.ZEEBE, "taskDefinition")) {
            String type = definition.getAttribute("type").strip();
            String id = PlaybookXml.owner(definition).getAttribute("id");
            String problem = switch (named(type)) {
                case ConstantFeel.Unparsable u -> null; // blank: the engine's model; bad FEEL: its deployment
                case ConstantFeel.Variable v ->
                    "the job type is the expression '" + shown(type) + "', which depends on the instance's"
                            + " variables: Baton cannot tell at upload whether a worker serves it,"
                            + " and its workers serve fixed job types only. Write one of them as the type. "
                            + served;
                case ConstantFeel.Computed c ->
                    "the job type is the expression '" + shown(type) + "', which" + NOT_EVALUATED
                            + " whether a worker serves it, and its workers serve fixed job types only."
                            + " Write one of them as the type. " + served;
                case ConstantFeel.Constant(Object value) ->
                    value instanceof String name && known.contains(name)
                            ? null
                            : "Baton has no worker for the job type '" + value + "'" + from(type)
                                    + ": the step would wait forever. " + served;
            };
            if (problem != null) {
                problems.add(new PlaybookProblem(id, names.get(id), problem));
            }
        }
    }

    /**
     * Call activities must call a process deployed on the engine (as far as Baton knows: what it
     * deployed) or one in the same file; with binding "deployment" only the same file counts, as the
     * engine then looks only there. Anything else leaves the instance waiting at the call.
     */
    private void calls(PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {
        Set<String> inFile = new HashSet<>();
        xml.processes().forEach(p -> inFile.add(p.id()));
        Set<String> callable = deployed.callableProcessIds();
        for (Element called : xml.all(PlaybookXml.ZEEBE, "calledElement")) {
            String processId = called.getAttribute("processId").strip();
            boolean sameFileOnly = "deployment".equals(called.getAttribute("bindingType"));
            String id = PlaybookXml.owner(called).getAttribute("id");
            String problem = switch (named(processId)) {
                case ConstantFeel.Unparsable u -> null;
                case ConstantFeel.Variable v ->
                    "the called process is the expression '" + shown(processId) + "', which depends on the"
                            + " instance's variables: Baton cannot tell at upload whether that process is"
                            + " deployed. Write the called process's id (Called element, in Camunda Modeler)";
                case ConstantFeel.Computed c ->
                    "the called process is the expression '" + shown(processId) + "', which" + NOT_EVALUATED
                            + " whether that process is deployed. Write the called process's id (Called element,"
                            + " in Camunda Modeler)";
                case ConstantFeel.Constant(Object value) -> {
                    boolean found = value instanceof String name
                            && (inFile.contains(name) || (!sameFileOnly && callable.contains(name)));
                    yield found
                            ? null
                            : "calls the process '" + value + "'" + from(processId) + ", which is"
                                    + (sameFileOnly
                                            ? " not in this file (its binding is \"deployment\")"
                                            : " neither deployed nor in this file")
                                    + ": the engine would stop the instance at this step. Upload that process"
                                    + " first, or draw it in this file";
                }
            };
            if (problem != null) {
                problems.add(new PlaybookProblem(id, names.get(id), problem));
            }
        }
    }

    /**
     * Business rule tasks that call a DMN decision: Baton deploys BPMN files and forms only, so the
     * engine has no decision to call and would stop at the step.
     */
    private static void decisions(PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {
        for (Element decision : xml.all(PlaybookXml.ZEEBE, "calledDecision")) {
            String id = PlaybookXml.owner(decision).getAttribute("id");
            problems.add(new PlaybookProblem(
                    id,
                    names.get(id),
                    "calls the decision '" + decision.getAttribute("decisionId") + "', but Baton does not run"
                            + " decisions (DMN): the engine would stop the instance at this step. In Camunda Modeler set the task's"
                            + " implementation to Job worker with one of Baton's job types, or draw the rule"
                            + " with gateways"));
        }
    }

    /** A name as written: plain (a constant) or an expression; blank counts as unparsable. */
    private static ConstantFeel.Outcome named(String written) {
        if (written.isEmpty()) {
            return new ConstantFeel.Unparsable();
        }
        return ConstantFeel.isExpression(written) ? ConstantFeel.evaluate(written) : new ConstantFeel.Constant(written);
    }

    /** Why a computed name is refused, up to "cannot tell". */
    private static final String NOT_EVALUATED = " Baton does not evaluate at upload (it reads only text in quotes,"
            + " or texts in quotes joined with +, as a name), so it cannot tell";

    /** The expression as the reader is shown it: at most 80 characters of it. */
    private static String shown(String written) {
        return written.length() <= 80 ? written : written.substring(0, 80) + "…";
    }

    private static String from(String written) {
        return ConstantFeel.isExpression(written) ? " (what the expression '" + shown(written) + "' gives)" : "";
    }

    private void userTasks(
            PlaybookXml xml, Map<String, String> names, Set<String> uploadedForms, List<PlaybookProblem> problems) {
        for (Element task : xml.all(PlaybookXml.BPMN, "userTask")) {
            String id = task.getAttribute("id");
            List<Element> extensions = PlaybookXml.children(task, PlaybookXml.BPMN, "extensionElements");
            Element ext = extensions.isEmpty() ? null : extensions.getFirst();
            if (ext != null
                    && !PlaybookXml.children(ext, PlaybookXml.ZEEBE, "userTask").isEmpty()) {
                problems.add(
                        new PlaybookProblem(
                                id,
                                names.get(id),
                                "a Camunda user task (zeebe:userTask): Baton's inbox"
                                        + " receives job-worker user tasks only. In Camunda Modeler set the task's implementation to Job worker"));
            }
            boolean assigned = ext != null
                    && PlaybookXml.children(ext, PlaybookXml.ZEEBE, "assignmentDefinition").stream()
                            .anyMatch(a -> !(a.getAttribute("assignee")
                                            + a.getAttribute("candidateGroups")
                                            + a.getAttribute("candidateUsers"))
                                    .isBlank());
            if (!assigned) {
                problems.add(new PlaybookProblem(
                        id,
                        names.get(id),
                        "nobody is assigned this task: set an assignee,"
                                + " candidate groups or candidate users (Assignment, in Camunda Modeler)"));
            }
            if (ext != null) {
                forms(ext, id, names, uploadedForms, problems);
            }
        }
    }

    private void forms(
            Element ext, String id, Map<String, String> names, Set<String> uploaded, List<PlaybookProblem> problems) {
        Set<String> embedded = new HashSet<>();
        Element process = ext;
        while (process != null && !"process".equals(process.getLocalName())) {
            process = process.getParentNode() instanceof Element parent ? parent : null;
        }
        if (process != null) {
            for (Element form : PlaybookXml.children(process, PlaybookXml.BPMN, "extensionElements").stream()
                    .flatMap(e -> PlaybookXml.children(e, PlaybookXml.ZEEBE, "userTaskForm").stream())
                    .toList()) {
                embedded.add("camunda-forms:bpmn:" + form.getAttribute("id"));
            }
        }
        for (Element form : PlaybookXml.children(ext, PlaybookXml.ZEEBE, "formDefinition")) {
            String key = form.getAttribute("formKey");
            String formId = form.getAttribute("formId");
            boolean found = key.startsWith("camunda-forms:") ? embedded.contains(key) : known(key, uploaded);
            if (!key.isBlank() && !found) {
                problems.add(new PlaybookProblem(
                        id,
                        names.get(id),
                        "the form '" + key + "' is missing: upload its .form file with the playbook"));
            }
            if (!formId.isBlank() && !known(formId, uploaded)) {
                problems.add(new PlaybookProblem(
                        id,
                        names.get(id),
                        "the form with id '" + formId + "' is missing: upload its .form file with the playbook"));
            }
        }
    }

    /** An uploaded form (by id or file name), a deployed one (by id) or one bundled in bpmn/forms (by file name). */
    private boolean known(String ref, Set<String> uploaded) {
        return uploaded.contains(ref)
                || deployed.formIds().contains(ref)
                || (ref.matches("[A-Za-z0-9_-]+") && new ClassPathResource("bpmn/forms/" + ref + ".form").exists());
    }

    private static String id(ModelElementInstance element) {
        return element.getAttributeValue("id");
    }

    private static String name(ModelElementInstance element) {
        return element.getAttributeValue("name");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
