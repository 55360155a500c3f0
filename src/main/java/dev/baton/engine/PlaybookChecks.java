package dev.baton.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.blocks.Blocks;
import dev.baton.task.FormJson;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.springframework.beans.factory.ObjectProvider;
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
 * but Baton could not run or must not allow: references outside the file ({@link ReferenceChecks}: a job type with no
 * worker, a call to a process not deployed, a DMN decision), building blocks without their required
 * inputs ({@link BlockChecks}), launch roles Baton does not have ({@link LaunchRoleChecks}), a
 * variable only Baton sets written by the model ({@link ReservedVariableChecks}) or a form, a user
 * task's due or follow-up date that is no date and time ({@link TaskScheduleChecks}), a
 * Camunda user task, a user task nobody is assigned or with a priority (which Baton could not carry),
 * a missing form, no diagram; an upload is also held to {@link UploadChecks}, and a new one to {@link
 * AssignmentChecks} (the people and teams its steps name) and {@link PlaybookNameChecks} (no name another
 * playbook of the catalogue goes by). The engine's deploy-time checks (FEEL
 * expressions) come on top when it is asked to deploy (see {@link PlaybookDeployer}).
 */
@Component
public class PlaybookChecks {

    /** The job types an uploaded playbook may use: Baton's other workers serve its own processes only. */
    private static final Set<String> BLOCK_TYPES =
            Blocks.ALL.stream().map(Blocks.Block::type).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * A user task's priority ({@code zeebe:priorityDefinition}): the engine gives it to a Camunda user
     * task only; a job-worker user task's job carries no priority header (UserTaskPriorityProcessTests),
     * so Baton could neither show nor sort by it, and refuses it rather than drop it silently.
     */
    static final String PRIORITY_IGNORED = "has a priority, which the engine gives only a Camunda user task: Baton"
            + " deploys user tasks as job-worker user tasks (the kind its inbox receives), whose jobs carry no"
            + " priority, so it would be silently ignored. Remove it (Priority, in Camunda Modeler); a due date"
            + " (Due date) orders the inbox instead";

    /** The engine's model check for an escalation boundary event on a task (said by Baton instead, for an upload). */
    private static final String ESCALATION_ON_TASK =
            "An escalation boundary event should only be attached to a subprocess, or a call activity.";

    /**
     * The engine's model check for a gateway's flow with no condition that is not its default (said by
     * Baton instead, at the gateway: {@link UploadFlowChecks}).
     */
    private static final Set<String> NO_CONDITION =
            Set.of("Must have a condition", "Must have a condition or be default flow");

    /** The engine's model check for a file without an executable process (said by Baton instead). */
    private static final String NO_EXECUTABLE_PROCESS = "Must contain at least one executable process";

    private final JobTypes jobTypes;
    private final DeployedPlaybooks deployed;
    private final AssignmentChecks assignments;
    private final DataSize maxFileSize;
    private final ObjectProvider<KeptPlaybooks> kept;
    private final Clock clock;

    /** Which rules a file is held to. */
    private enum Rules {
        /** One of Baton's own files (bpmn/). */
        OWN,
        /** An upload kept before, deployed again at start-up: the upload's rules, bar who its steps name. */
        KEPT,
        /** A new upload: the upload's rules, and its steps name people and teams Baton has. */
        UPLOAD
    }

    PlaybookChecks(
            JobTypes jobTypes,
            DeployedPlaybooks deployed,
            AssignmentChecks assignments,
            @Value("${baton.playbooks.max-file-size:1MB}") DataSize maxFileSize,
            ObjectProvider<KeptPlaybooks> kept,
            Clock clock) {
        this.jobTypes = jobTypes;
        this.deployed = deployed;
        this.assignments = assignments;
        this.maxFileSize = maxFileSize;
        this.kept = kept;
        this.clock = clock;
    }

    /** Every problem of one of Baton's own files (bpmn/) and its forms; empty when Baton can run it. */
    List<PlaybookProblem> check(PlaybookFiles files) {
        return check(files, Rules.OWN);
    }

    /**
     * Every problem of a kept upload's BPMN file and its forms, with what only an upload may not do:
     * the rules of {@link #checkUpload} but who its steps name ({@link AssignmentChecks}), as someone
     * named may have left since.
     */
    List<PlaybookProblem> checkKept(PlaybookFiles files) {
        return check(files, Rules.KEPT);
    }

    /**
     * Every problem of a new upload's BPMN file and its forms, with what only an upload may not do,
     * the people and teams its steps name among them.
     */
    List<PlaybookProblem> checkUpload(PlaybookFiles files) {
        return check(files, Rules.UPLOAD);
    }

    /**
     * What an upload Baton accepts may still do wrong on some runs, in plain words at its element: a
     * gateway condition reading a variable nothing in the playbook sets ({@link ConditionVariableChecks}), a step
     * offered only to teams with no active member ({@link AssignmentChecks#warnings}).
     * Empty when the file cannot be read (its refusal says why).
     */
    List<PlaybookProblem> warnings(PlaybookFiles files) {
        try {
            PlaybookXml xml = PlaybookXml.parse(files.bpmn());
            Map<String, byte[]> byFormId = new java.util.HashMap<>();
            files.forms().forEach((name, bytes) -> {
                try {
                    JsonNode form = FormJson.read(bytes);
                    if (form != null && form.path("id").isTextual()) {
                        byFormId.put(form.get("id").asText(), bytes);
                    }
                } catch (java.io.IOException e) {
                    // refused by the checks already
                }
            });
            List<PlaybookProblem> warnings =
                    new ArrayList<>(ConditionVariableChecks.check(xml, xml.namesById(), byFormId));
            warnings.addAll(assignments.warnings(xml, xml.namesById()));
            return warnings;
        } catch (Exception e) {
            return List.of();
        }
    }

    private List<PlaybookProblem> check(PlaybookFiles files, Rules rules) {
        boolean upload = rules != Rules.OWN;
        List<PlaybookProblem> problems = new ArrayList<>();
        sizes(files, problems);
        if (!problems.isEmpty()) {
            return problems; // nothing over the limit is read
        }
        Map<String, String> uploadedForms = forms(files.forms(), problems);
        if (upload) {
            uploadedForms.forEach((name, formId) -> {
                if (bundled(formId)) {
                    problems.add(PlaybookProblem.ofFile(name, ownForm(formId)));
                }
            });
        }
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
            String tooDeep = PlaybookXml.tooDeep(files.bpmn(), e);
            problems.add(PlaybookProblem.ofFile(
                    files.bpmnName(),
                    tooDeep != null ? tooDeep : "not a BPMN file: it is not well-formed XML (" + e.getMessage() + ")"));
            return problems;
        }
        if (!xml.isBpmn()) {
            problems.add(PlaybookProblem.ofFile(
                    files.bpmnName(), "not a BPMN file: its root is not a BPMN 2.0 <definitions> element"));
            return problems;
        }
        Map<String, String> names = xml.namesById();
        camunda7(files.bpmnName(), xml, names, problems);
        boolean noneExecutable = xml.processes().isEmpty();
        if (noneExecutable) {
            notExecutable(files.bpmnName(), xml, problems);
        }
        if (upload) {
            unusedForms(uploadedForms, xml.referencedForms(), problems);
            UploadChecks.check(
                    files.bpmnName(),
                    xml,
                    names,
                    deployed.ownProcessIds(),
                    ownLaunched(),
                    deployed.ownMessageNames(),
                    deployed.thrownSignals(),
                    problems);
            formsOfOthers(files, uploadedForms, xml, problems);
        }
        engineModel(files, problems);
        if (noneExecutable) { // said once above, with where Modeler sets it
            problems.removeIf(p -> NO_EXECUTABLE_PROCESS.equals(p.message()));
        }
        if (upload) { // said by UnreachableCatchChecks, with what to draw instead
            Set<String> saidByBaton = new HashSet<>();
            problems.stream()
                    .filter(p -> !ESCALATION_ON_TASK.equals(p.message()))
                    .forEach(p -> saidByBaton.add(p.elementId()));
            problems.removeIf(p -> ESCALATION_ON_TASK.equals(p.message()) && saidByBaton.contains(p.elementId()));
            Map<String, String> sources = new java.util.HashMap<>();
            xml.all(PlaybookXml.BPMN, "sequenceFlow")
                    .forEach(f -> sources.put(f.getAttribute("id"), f.getAttribute("sourceRef")));
            problems.removeIf(p -> NO_CONDITION.contains(p.message())
                    && p.elementId() != null
                    && saidByBaton.contains(sources.get(p.elementId())));
        }
        Set<String> served = new HashSet<>(jobTypes.known());
        served.remove(Bpmn.USER_TASK_JOB_TYPE); // served for user tasks, never for a service task
        Set<String> usable = upload ? BLOCK_TYPES : served;
        List<PlaybookXml.ProcessInfo> inFile = xml.processes();
        ReferenceChecks.check(
                xml,
                names,
                usable,
                served,
                deployed.callableProcessIds(),
                upload ? deployed.ownStartedByBaton() : Set.of(),
                upload ? calledId -> deployed.callerNeeds(calledId, inFile) : null,
                problems);
        BlockChecks.check(xml, names, LocalDate.now(clock), problems);
        ReservedVariableChecks.check(xml, names, problems);
        TaskScheduleChecks.check(xml, names, problems);
        LaunchRoleChecks.check(xml, names, upload, problems);
        userTasks(xml, names, uploadedForms, upload, problems);
        if (rules == Rules.UPLOAD) {
            assignments.check(xml, names, problems);
            PlaybookNameChecks.check(
                    xml, catalogueNames(), deployed.ownProcessIds(), deployed.keptNotDeployed(), problems);
        }
        PlaybookFormChecks.embedded(xml, problems);
        if (xml.all(PlaybookXml.BPMNDI, "BPMNDiagram").isEmpty()) {
            problems.add(PlaybookProblem.ofFile(
                    files.bpmnName(),
                    "the file has no diagram (no bpmndi:BPMNDiagram):"
                            + " open it in Camunda Modeler and save it, so that it can be drawn"));
        }
        return problems;
    }

    /**
     * A file with no executable process: each process drawn with Executable off is named with where
     * Camunda Modeler sets it (session 35's probe got two problems for this one cause, the engine's
     * "Must contain at least one executable process" at the definitions, and neither said where).
     */
    private static void notExecutable(String fileName, PlaybookXml xml, List<PlaybookProblem> problems) {
        List<Element> processes = xml.all(PlaybookXml.BPMN, "process");
        if (processes.isEmpty()) {
            problems.add(PlaybookProblem.ofFile(
                    fileName,
                    "the file has no process: draw the playbook in Camunda Modeler (a start event, its steps, an"
                            + " end event) and save it"));
        }
        for (Element process : processes) {
            String id = process.getAttribute("id");
            String name = process.getAttribute("name").isBlank() ? null : process.getAttribute("name");
            problems.add(new PlaybookProblem(
                    id,
                    name,
                    "the process is not executable, so the engine would not run it: tick Executable in Camunda"
                            + " Modeler's properties panel for the process (click an empty spot of the canvas, or"
                            + " the pool, then General → Executable)"));
        }
    }

    /**
     * Baton's own playbooks that people launch from the catalogue (not {@link DeployedPlaybooks#ownStartedByBaton}),
     * to their names as deployed (empty for none).
     */
    private Map<String, String> ownLaunched() {
        Set<String> startedByBaton = deployed.ownStartedByBaton();
        Map<String, String> launched = new java.util.HashMap<>();
        deployed.ownProcessIds().stream()
                .filter(id -> !startedByBaton.contains(id))
                .forEach(id -> launched.put(
                        id,
                        deployed.latest(id)
                                .map(DeployedPlaybooks.DeployedProcess::name)
                                .orElse("")));
        return launched;
    }

    /**
     * Each playbook's newest name (null for none), by process id: those this instance deployed, and the
     * kept uploads as the database has them ({@link KeptPlaybooks#keptNames}: uploads committed by
     * another Baton instance, or by an upload whose commit this instance's catalogue has not learnt yet).
     * A kept upload of one of Baton's own process ids (kept before such uploads were refused) never runs,
     * refused at start-up and at upload alike: its name is not taken, and Baton's own playbook keeps its own.
     */
    private Map<String, String> catalogueNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        deployed.all().forEach(p -> names.put(p.processId(), p.name())); // oldest first: the newest stays
        Set<String> own = deployed.ownProcessIds();
        kept.ifAvailable(k -> k.keptNames().forEach((id, name) -> { // the newest upload committed, on any instance
            if (!own.contains(id)) {
                names.put(id, name);
            }
        }));
        return names;
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

    /** The uploaded forms' ids by file name. */
    private Map<String, String> forms(Map<String, byte[]> forms, List<PlaybookProblem> problems) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        forms.forEach((name, bytes) -> {
            try {
                JsonNode form = FormJson.read(bytes);
                if (form == null
                        || !form.path("id").isTextual()
                        || !form.path("components").isArray()) {
                    problems.add(
                            PlaybookProblem.ofFile(name, "not a Camunda form: it needs an \"id\" and \"components\""));
                    return;
                }
                ids.put(name, form.get("id").asText());
                PlaybookFormChecks.file(name, form, problems);
            } catch (FormJson.TooDeep e) {
                problems.add(PlaybookProblem.ofFile(name, "not a Camunda form: " + e.getMessage()));
            } catch (java.io.IOException e) {
                problems.add(PlaybookProblem.ofFile(name, "not a Camunda form: it is not JSON"));
            }
        });
        return ids;
    }

    /**
     * An uploaded form no user task links: the engine deploys it all the same, and the author would
     * not learn that the task meant to show it links another id (a form is linked by the id inside
     * it, not by its file name).
     */
    private static void unusedForms(
            Map<String, String> uploadedForms, Set<String> referenced, List<PlaybookProblem> problems) {
        uploadedForms.forEach((name, formId) -> {
            if (!referenced.contains(formId)) {
                problems.add(PlaybookProblem.ofFile(
                        name,
                        "no user task of this playbook uses the form '" + formId + "' (the id inside the file):"
                                + " link it from its task (Camunda Modeler → Form → Camunda Form (linked), form ID '"
                                + formId + "') or leave the file out"));
            }
        });
    }

    /**
     * An uploaded form whose id another playbook deployed, and that is not that form to the letter:
     * the engine links a form id to its newest version, so the upload would replace that playbook's
     * form, and its steps would ask for these fields (a probe's second playbook did). A new version of
     * the playbook that deployed it may bring it again, changed; while another playbook brings the same
     * form too, neither may change it. Baton's own forms are refused already ({@link #ownForm}).
     */
    private void formsOfOthers(
            PlaybookFiles files, Map<String, String> uploadedForms, PlaybookXml xml, List<PlaybookProblem> problems) {
        Set<String> mine = new HashSet<>();
        xml.processes().forEach(p -> mine.add(p.id()));
        uploadedForms.forEach((name, formId) -> {
            List<String> others = deployed.formOwners(formId).stream()
                    .filter(owner -> !mine.contains(owner))
                    .sorted()
                    .toList();
            if (others.isEmpty() || bundled(formId) || sameForm(files.forms().get(name), deployed.formText(formId))) {
                return;
            }
            String by = others.size() == 1
                    ? "the playbook '" + others.getFirst() + "'"
                    : "the playbooks '" + String.join("', '", others) + "'";
            String self =
                    mine.size() == 1 ? "this playbook ('" + mine.iterator().next() + "')" : "this file";
            problems.add(PlaybookProblem.ofFile(
                    name,
                    "the form id '" + formId + "' is already deployed by " + by + ", with other content: the engine"
                            + " links a form id to its newest version, so " + self + " would replace that form, and "
                            + (others.size() == 1 ? "that playbook's" : "their") + " steps would ask for this"
                            + " form's fields. Give the form another id (Camunda Modeler: the form's ID) and link it"
                            + " by that"));
        });
    }

    /** Whether the uploaded form is the deployed one, as JSON (so whatever its encoding or spacing). */
    private boolean sameForm(byte[] uploaded, String deployedText) {
        try {
            return uploaded != null
                    && deployedText != null
                    && FormJson.read(uploaded).equals(FormJson.read(deployedText));
        } catch (java.io.IOException e) {
            return false;
        }
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

    /**
     * The engine's model validation (the checks the engine makes before any expression is read), its
     * messages said plainly where Baton recognises them ({@link EngineModelMessages}).
     */
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
                        // said plainly by the form checks (externalForm): the engine's words named no step
                        .filter(r -> !"formDefinition"
                                        .equals(element.getElementType().getTypeName())
                                || isBlank(element.getAttributeValue("externalReference")))
                        .forEach(r -> problems.add(new PlaybookProblem(
                                id(step(element)), name(step(element)), EngineModelMessages.plain(r.getMessage())))));
    }

    /**
     * The step a validation result is about: a multi-instance's loop characteristics are reported as
     * the task they repeat (found by the session 35 probe: the problem named the loop's own id and no
     * name, which the author never sees in Camunda Modeler), and an extension element, which has no id,
     * as the element it belongs to (session 39's probe: a form's problem named no step).
     */
    private static ModelElementInstance step(ModelElementInstance element) {
        if (element instanceof io.camunda.zeebe.model.bpmn.instance.LoopCharacteristics
                && element.getParentElement() != null) {
            return element.getParentElement();
        }
        // an extension element (a zeebe:formDefinition, a zeebe:taskDefinition) has no id: name its step
        ModelElementInstance step = element;
        while (id(step) == null && step.getParentElement() != null) {
            step = step.getParentElement();
        }
        return id(step) == null ? element : step;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private void userTasks(
            PlaybookXml xml,
            Map<String, String> names,
            Map<String, String> uploadedForms,
            boolean upload,
            List<PlaybookProblem> problems) {
        for (Element task : xml.all(PlaybookXml.BPMN, "userTask")) {
            String id = task.getAttribute("id");
            List<Element> extensions = PlaybookXml.children(task, PlaybookXml.BPMN, "extensionElements");
            Element ext = extensions.isEmpty() ? null : extensions.getFirst();
            if (ext != null
                    && !PlaybookXml.children(ext, PlaybookXml.ZEEBE, "userTask").isEmpty()) {
                // only where CamundaUserTasks could not rewrite the file (not UTF-8)
                problems.add(new PlaybookProblem(
                        id,
                        names.get(id),
                        "a Camunda user task (zeebe:userTask) in a file that is not UTF-8: Baton deploys a"
                                + " Camunda user task as a job-worker user task (the kind its inbox receives) only in a"
                                + " UTF-8 file. Save it as UTF-8 (Camunda Modeler does), or set the task's"
                                + " implementation to Job worker"));
            }
            if (ext != null
                    && !PlaybookXml.children(ext, PlaybookXml.ZEEBE, "taskListeners")
                            .isEmpty()) {
                problems.add(new PlaybookProblem(
                        id,
                        names.get(id),
                        "has task listeners, which the engine runs only for a Camunda user task: Baton deploys"
                                + " user tasks as job-worker user tasks (the kind its inbox receives), so they would"
                                + " never run. Remove them (Task listeners, in Camunda Modeler); Baton's inbox already"
                                + " mails the assignee"));
            }
            if (ext != null
                    && !PlaybookXml.children(ext, PlaybookXml.ZEEBE, "priorityDefinition")
                            .isEmpty()) {
                problems.add(new PlaybookProblem(id, names.get(id), PRIORITY_IGNORED));
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
                forms(ext, id, names, uploadedForms, upload, problems);
            }
        }
    }

    private void forms(
            Element ext,
            String id,
            Map<String, String> names,
            Map<String, String> uploaded,
            boolean upload,
            List<PlaybookProblem> problems) {
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
            if (key.startsWith("camunda-forms:")) {
                if (!embedded.contains(key)) {
                    problems.add(new PlaybookProblem(
                            id,
                            names.get(id),
                            "the form '" + key + "' is missing: upload its .form file with the playbook"));
                }
            } else if (!key.isBlank()) {
                customFormKey(key, id, names, upload, problems);
            }
            String external = form.getAttribute("externalReference");
            if (!external.isBlank()) {
                externalForm(external, id, names, problems);
            }
            if (upload && bundled(formId)) {
                problems.add(new PlaybookProblem(id, names.get(id), ownForm(formId)));
            } else if (!formId.isBlank() && !known(formId, uploaded)) {
                String byFileName = uploaded.get(formId + ".form");
                problems.add(new PlaybookProblem(
                        id,
                        names.get(id),
                        "the form with id '" + formId + "' is missing: upload its .form file with the playbook"
                                + (byFileName == null
                                        ? ""
                                        : " (" + formId + ".form has the id '" + byFileName + "': the engine links"
                                                + " a form by the id inside it, not by its file name)")));
            }
        }
    }

    /**
     * A custom form key ({@code formKey} that is not an embedded form's): Camunda passes it to the task
     * as it is, for an application's own forms, and links no Camunda Form by it. Baton's task page reads
     * it as one of Baton's own forms ({@code bpmn/forms/<key>.form}, whose steps may run Baton's
     * completion handlers), so an upload may not use one: a Camunda Form of the same id would not be
     * shown, and the step would complete with no values.
     */
    private static void customFormKey(
            String key, String id, Map<String, String> names, boolean upload, List<PlaybookProblem> problems) {
        if (upload) {
            problems.add(new PlaybookProblem(
                    id,
                    names.get(id),
                    "the form is named by the custom form key '" + key + "', which links no Camunda Form"
                            + " (Camunda keeps custom form keys for forms of an application's own): Baton would"
                            + " show this step with no fields. Link the form by its form ID: Camunda Modeler →"
                            + " Form → Camunda Form (linked), form ID '" + key + "'"));
        } else if (!bundled(key)) {
            problems.add(new PlaybookProblem(
                    id,
                    names.get(id),
                    "the form '" + key + "' is missing: Baton's own steps name a form in bpmn/forms ('" + key
                            + ".form')"));
        }
    }

    /**
     * A form by external reference (Camunda Modeler → Form → External reference, for a Camunda user
     * task): a link to a form of another application, which Baton's task page cannot show, so the step
     * would be answered with no fields. Before, the engine refused it in its own words ("Exactly one of
     * the attributes 'formId, formKey' must be present", naming no element: session 39's probe), as Baton
     * runs a user task through a job worker.
     */
    private static void externalForm(
            String reference, String id, Map<String, String> names, List<PlaybookProblem> problems) {
        problems.add(new PlaybookProblem(
                id,
                names.get(id),
                "the form is an external reference ('" + reference + "'), a form of another application that"
                        + " Baton's task page cannot show: the step would be answered with no fields. Draw the form"
                        + " in Camunda Modeler and link it: Form → Camunda Form (linked), with its .form file uploaded"
                        + " beside the playbook, or Camunda Form (embedded)"));
    }

    /**
     * A form the engine can link by this id: an uploaded or deployed one (the id inside it, as the
     * engine matches it), or one bundled in bpmn/forms (deployed at start-up; file name and id alike).
     */
    private boolean known(String formId, Map<String, String> uploaded) {
        return uploaded.containsValue(formId) || deployed.formIds().contains(formId) || bundled(formId);
    }

    /**
     * Baton's own forms belong to its own steps: a step answered through one runs Baton's completion
     * handler for that form (a handover note, a commitment decision), which an uploaded step must not.
     */
    private static String ownForm(String formId) {
        return "the form id '" + formId + "' is one of Baton's own forms, for its own steps: an uploaded playbook"
                + " cannot use it. Give the form another id (Camunda Modeler: the form's ID) and link it by that";
    }

    /** One of Baton's own forms, as its task page reads them by form key ({@code Forms}). */
    private static boolean bundled(String key) {
        return key.matches("[A-Za-z0-9_-]+") && new ClassPathResource("bpmn/forms/" + key + ".form").exists();
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
