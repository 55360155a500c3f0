package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Playbooks as Camunda Modeler 5.x saves them (src/test/resources/playbooks), deployed to the
 * in-memory engine and worked through the real API as the people they name.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class ModelerPlaybooksIntegrationTests extends EngineIntegrationTest {

    static final String CRM_ACCOUNT = "001Ax00000AbcDEF";

    @Autowired
    CamundaClient client;

    @Autowired
    ProcessModels models;

    @Autowired
    People people;

    @Autowired
    JobProblems problems;

    @BeforeEach
    void deployTheModels() throws IOException {
        deploy("playbooks/modeler-assignments.bpmn");
        deploy("playbooks/call-preparation.form", "playbooks/modeler-forms.bpmn");
        deploy("playbooks/modeler-broken-form.bpmn");
    }

    @Test
    void candidateUsersFromACommaListAndAFeelListSeeAndClaimTheirStepNamedFromTheModel() throws Exception {
        long instance = start(
                "Process_1k2v9zt",
                Map.of(
                        "reviewers",
                        List.of("RITA@baton.example", "ravi"),
                        "owner",
                        "nobody@nowhere.example",
                        "accountId",
                        CRM_ACCOUNT));
        Task note = awaitOpenStep(instance, "Activity_0n3k9fz");
        Task call = awaitOpenStep(instance, "Activity_1r8d0mw");

        assertThat(note.getName()).isEqualTo("Übergabenotiz prüfen");
        assertThat(note.getProcessName()).isEqualTo("Übergabe an das Kundenteam");
        assertThat(note.getCandidateUsers()).containsExactlyInAnyOrder("rob", "rita");
        assertThat(call.getCandidateUsers()).containsExactlyInAnyOrder("rita", "ravi");
        assertThat(inbox("rob", note)).contains(id(note)).doesNotContain(id(call));
        assertThat(inbox("rita", note)).contains(id(note), id(call));
        assertThat(inbox("ravi", call)).contains(id(call)).doesNotContain(id(note));
        assertThat(ids(as("cora").getForEntity("/api/tasks", Map.class))).doesNotContain(id(note), id(call));
        assertThat(as("cora")
                        .getForEntity("/api/tasks/" + note.getId(), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(post("ravi", note, "claim").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("rita", note, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("rob", note, "claim").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        Map<String, Object> listed = item(as("rita").getForEntity("/api/tasks?scope=mine", Map.class), note);
        assertThat(listed)
                .containsEntry("name", "Übergabenotiz prüfen")
                .containsEntry("playbook", "Übergabe an das Kundenteam")
                .containsEntry("accountRef", CRM_ACCOUNT)
                .containsEntry("accountId", null);
        assertThat(post("rita", note, "complete").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> unclaimed = post("rita", note, "unclaim");
        assertThat(unclaimed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT); // done already, said in words
        assertThat((String) unclaimed.getBody().get("detail")).containsPattern("is complet(ed|ing) and cannot be");
    }

    @Test
    void aStepForSomeoneUnknownWaitsFlaggedInTheAdminsQueueUntilAnAdminAssignsIt() throws Exception {
        long instance =
                start("Process_1k2v9zt", Map.of("reviewers", List.of("rob"), "owner", "nobody@nowhere.example"));
        Task owner = awaitOpenStep(instance, "Activity_04d1k2p");

        assertThat(owner.getAssignee()).isNull();
        assertThat(owner.getUnassignedReason()).isEqualTo("assignee 'nobody@nowhere.example' is unknown");
        assertThat(ids(as("ada").getForEntity("/api/tasks?scope=unassigned", Map.class)))
                .contains(id(owner));
        assertThat(ids(as("ada")
                        .getForEntity("/api/tasks?scope=all-visible&playbook=Process_1k2v9zt&size=200", Map.class)))
                .contains(id(owner)); // admins see every task
        assertThat(ids(as("rob").getForEntity("/api/tasks?scope=unassigned", Map.class)))
                .isEmpty();
        assertThat(ids(as("rob").getForEntity("/api/tasks", Map.class))).doesNotContain(id(owner));
        assertThat(item(as("ada").getForEntity("/api/tasks?scope=unassigned", Map.class), owner))
                .containsEntry("unassignedReason", "assignee 'nobody@nowhere.example' is unknown");
        assertThat(dev.baton.support.SignedIn.as(http, "ada").getForObject("/tasks/" + owner.getId(), String.class))
                .contains("Confirm the owner", "assignee &#39;nobody@nowhere.example&#39; is unknown");
        assertThat(dev.baton.support.SignedIn.as(http, "ada").getForObject("/tasks?scope=unassigned", String.class))
                .contains("Confirm the owner");

        assertThat(as("rob")
                        .postForEntity("/api/tasks/" + owner.getId() + "/assign", Map.of("to", "rob"), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> assigned = as("ada")
                .postForEntity("/api/tasks/" + owner.getId() + "/assign", Map.of("to", "Rob@Baton.Example"), Map.class);
        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(assigned.getBody()).containsEntry("assignee", "rob");
        assertThat(ids(as("ada").getForEntity("/api/tasks?scope=unassigned", Map.class)))
                .doesNotContain(id(owner));
        assertThat(inbox("rob", owner)).contains(id(owner));
    }

    @Test
    void anAssigneeByEMailWorksLinkedAndEmbeddedFormsWhoseAnswersReachTheProcess() throws Exception {
        long instance = start("Process_0c4h7yd", Map.of("owner", "ROB@baton.example", "accountId", 987654321));
        Task prepare = awaitOpenStep(instance, "Activity_1h5x3tb");

        assertThat(prepare.getAssignee()).isEqualTo("rob");
        assertThat(prepare.getAccountId()).isNull();
        assertThat(prepare.getAccountRef()).isEqualTo("987654321"); // a number Baton does not know
        assertThat(prepare.getFormKey()).isEqualTo("Form_1m2w8ld");
        Map<?, ?> details = as("rob").getForObject("/api/tasks/" + prepare.getId(), Map.class);
        assertThat((List<Map<String, Object>>) details.get("formFields"))
                .extracting(f -> f.get("key"))
                .containsExactly("agenda", "attendees");
        ResponseEntity<Map> refused = complete("rob", prepare, Map.of("attendees", 0));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) refused.getBody().get("errors")).containsOnlyKeys("agenda", "attendees");
        assertThat(complete("rob", prepare, Map.of("agenda", "Pricing", "attendees", 3))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Task hold = awaitOpenStep(instance, "Activity_0y7c2sn");
        assertThat(hold.getFormKey()).isEqualTo("camunda-forms:bpmn:userTaskForm_2q1b7vk");
        assertThat(complete("rob", hold, Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete("rob", hold, Map.of("callNotes", "Went well")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        awaitProcessCompleted(instance);
        BpmnAssert.assertThat(new InspectedProcessInstance(instance))
                .hasVariableWithValue("agenda", "Pricing")
                .hasVariableWithValue("attendees", 3)
                .hasVariableWithValue("callNotes", "Went well");
    }

    @Test
    void anInactiveAssigneesStepGoesToTheCandidateTeamOrElseToTheAdminsQueueFlaggedWithWhy() throws Exception {
        Person gone = people.save(new Person(
                "gone" + ThreadLocalRandom.current().nextInt(1_000_000),
                "Gone Away",
                "gone" + ThreadLocalRandom.current().nextInt(1_000_000) + "@baton.example",
                "{noop}x",
                Set.of(Role.REP)));
        gone.deactivate();
        people.save(gone);
        long instance = start("Process_0c4h7yd", Map.of("owner", gone.getEmail()));

        Task prepare = awaitOpenStep(instance, "Activity_1h5x3tb"); // no candidates: the admins' queue
        String why = "assignee " + gone.getFullName() + " ('" + gone.getEmail() + "') is inactive";
        assertThat(prepare.getAssignee()).isNull();
        assertThat(prepare.getUnassignedReason()).isEqualTo(why);
        assertThat(ids(as("ada").getForEntity("/api/tasks?scope=unassigned", Map.class)))
                .contains(id(prepare));
        assertThat(post("ada", prepare, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(complete("ada", prepare, Map.of("agenda", "Intro")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Task hold = awaitOpenStep(instance, "Activity_0y7c2sn"); // candidate group sales-emea: the team
        assertThat(hold.getAssignee()).isNull();
        assertThat(hold.getUnassignedReason()).isEqualTo(why);
        assertThat(inbox("rita", hold)).contains(id(hold));
        assertThat(ids(as("ada").getForEntity("/api/tasks?scope=unassigned", Map.class)))
                .doesNotContain(id(hold));
        assertThat(post("rita", hold, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aStepBatonCannotStoreBecomesAnIncidentWithAReadableMessageListedForAdmins() throws Exception {
        long instance = start("Process_1w5t0mc", Map.of());

        JobProblemView problem = await().atMost(WAIT)
                .until(
                        () -> problems.findAll().stream()
                                .filter(p -> p.getProcessInstanceKey() == instance)
                                .findFirst()
                                .map(JobProblemView::of)
                                .orElse(null),
                        p -> p != null);
        assertThat(problem.message()).contains("Activity_0d9w2hq", "userTaskForm_3xq9f0a");
        assertThat(problem.deliveries()).isEqualTo(1);
        engine.waitForIdleState(WAIT);
        assertThat(StreamSupport.stream(records().incidentRecords().spliterator(), false)
                        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
                        .map(r -> r.getValue().getErrorMessage()))
                .anySatisfy(m -> assertThat(m).contains("userTaskForm_3xq9f0a"));
        assertThat(tasks.findAll()).noneMatch(t -> t.getProcessInstanceKey() == instance);

        ResponseEntity<List> listed = as("ada").getForEntity("/api/admin/problems", List.class);
        assertThat((List<Map<String, Object>>) listed.getBody())
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("processInstanceKey", instance)
                        .containsEntry("elementId", "Activity_0d9w2hq"));
        assertThat(dev.baton.support.SignedIn.as(http, "ada").getForObject("/admin/problems", String.class))
                .contains("userTaskForm_3xq9f0a");
        assertThat(as("rob").getForEntity("/api/admin/problems", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aStepWhoseFormBatonCannotUseStillOpensSaysWhyAndCannotBeCompleted() throws Exception {
        deploy("playbooks/modeler-unusable-form.bpmn"); // straight to the engine, past the upload checks
        long instance = start("Process_unusable_form", Map.of("owner", "rob"));
        Task step = awaitOpenStep(instance, "Activity_check");

        String page = dev.baton.support.SignedIn.as(http, "rob").getForObject("/tasks/" + step.getId(), String.class);
        assertThat(page)
                .contains("id=\"form-problems\"", "is not a FEEL expression")
                .doesNotContain("id=\"form-js\"");
        ResponseEntity<Map> refused = complete("rob", step, Map.of("x", "y"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("detail")).contains("this step's form cannot be used");
        assertThat(tasks.findById(step.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
    }

    /**
     * Found by a probe: a form field keyed launchedBy let whoever completed the step choose who
     * "launched" the playbook, and its blocks then acted with that person's rights. The upload refuses
     * such a form; one deployed past Baton still opens, and no answer to it reaches the process.
     */
    @Test
    void aStepWhoseFormWouldWriteLaunchedByCannotBeCompletedAndTheLauncherStays() throws Exception {
        deploy("playbooks/modeler-reserved-form.bpmn"); // straight to the engine, past the upload checks
        long instance = start("Process_reserved_form", Map.of("owner", "rob", "launchedBy", "rob"));
        Task step = awaitOpenStep(instance, "Activity_check");

        ResponseEntity<Map> refused = complete("rob", step, Map.of("launchedBy", "ada"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("detail"))
                .contains(
                        "this step's form cannot be used", "launchedBy is set by Baton when the playbook is launched");
        assertThat(tasks.findById(step.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        engine.waitForIdleState(WAIT);
        BpmnAssert.initRecordStream(records());
        BpmnAssert.assertThat(new InspectedProcessInstance(instance))
                .isActive()
                .hasVariableWithValue("launchedBy", "rob");
    }

    record JobProblemView(String message, int deliveries) {
        static JobProblemView of(JobProblem p) {
            return new JobProblemView(p.getMessage(), p.getDeliveries());
        }
    }

    /** Deploys the files together, as an upload would, and registers them with the bridge. */
    private void deploy(String... paths) throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (String path : paths) {
            try (InputStream in = new ClassPathResource(path).getInputStream()) {
                resources.put(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
            }
        }
        DeployResourceCommandStep2 command = null;
        for (Map.Entry<String, byte[]> r : resources.entrySet()) {
            command = command == null
                    ? client.newDeployResourceCommand().addResourceBytes(r.getValue(), r.getKey())
                    : command.addResourceBytes(r.getValue(), r.getKey());
        }
        DeploymentEvent deployed = command.send().join();
        models.register(deployed, resources);
    }

    private long start(String processId, Map<String, Object> variables) {
        return client.newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .variables(variables)
                .send()
                .join()
                .getProcessInstanceKey();
    }

    /** The open task of the instance at that step, once the engine is idle and the bridge has stored it. */
    private Task awaitOpenStep(long instance, String elementId) throws Exception {
        engine.waitForIdleState(WAIT);
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getProcessInstanceKey() == instance
                                        && t.getElementId().equals(elementId)
                                        && t.getStatus() == TaskStatus.OPEN)
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    /**
     * The person's inbox within this task's playbook: the shared test database gives rob and rita more
     * open tasks from other tests than one page holds.
     */
    private List<Object> inbox(String username, Task task) {
        return ids(as(username)
                .getForEntity("/api/tasks?scope=inbox&size=200&playbook=" + task.getBpmnProcessId(), Map.class));
    }

    private static Object id(Task task) {
        return task.getId().intValue();
    }

    private static Map<String, Object> item(ResponseEntity<Map> page, Task task) {
        return ((List<Map<String, Object>>) page.getBody().get("content"))
                .stream().filter(i -> i.get("id").equals(id(task))).findFirst().orElseThrow();
    }

    private ResponseEntity<Map> complete(String username, Task task, Map<String, Object> values) {
        return as(username).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class);
    }
}
