package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.blocks.BlockProcessTest;
import dev.baton.blocks.Blocks;
import dev.baton.people.PeopleLookup;
import dev.baton.support.SignedIn;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The admins' problems page through {@code GET /api/admin/problems} and {@code /admin/problems}, with
 * a building block that fails for good (an input no retry cures) run by its real worker. Found by
 * session 38's review: a step's row showed ids where a stuck run's showed names and a link; a
 * canceled run's problem stayed open for ever; and two parallel jobs of a step failing for one cause
 * shared a row that the second going through resolved while the first still waited.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class JobProblemsIntegrationTests extends BlockProcessTest {

    private static final AtomicInteger DEPLOYED = new AtomicInteger();

    @Autowired
    PeopleLookup peopleLookup;

    @Autowired
    ProblemsOfEndedRuns endedRuns;

    @Autowired
    JobProblems problems;

    @Test
    void aStepOfAPlaybookARunCalledIsNamedLinksTheRunAndIsResolvedWhenTheRunIsCanceled() {
        String called = deploy("Called check", "task_log_call", false);
        String caller = deployCaller(called);
        long run = processInstances.start(caller, Map.of(Blocks.ACCOUNT_ID, account("rob")));

        Map<String, Object> problem = awaitProblem(called);

        assertThat(problem)
                .containsEntry("kind", "STEP")
                .containsEntry("playbook", "Called check")
                .containsEntry("elementId", "task_log_call")
                .containsEntry("elementName", STEP_NAME)
                .containsEntry("runPath", "/playbooks/instances/" + run)
                .containsEntry("resolvedAt", null);
        assertThat(((Number) problem.get("runKey")).longValue()).isEqualTo(run);
        assertThat(((Number) problem.get("processInstanceKey")).longValue()).isNotEqualTo(run);
        assertThat(SignedIn.as(http, "ada").getForObject("/admin/problems", String.class))
                .contains(
                        "<td>Called check</td>",
                        "<td>" + STEP_NAME + " (task_log_call)</td>",
                        "href=\"/playbooks/instances/" + run + "\"",
                        "in called instance " + problem.get("processInstanceKey"));

        ResponseEntity<Map> canceled = as("ada")
                .postForEntity(
                        "/api/playbooks/instances/" + run + "/cancel", Map.of("reason", "wrong input"), Map.class);

        assertThat(canceled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(problem(called))
                .containsEntry("resolution", "the run was canceled by " + peopleLookup.fullName("ada"))
                .extracting(p -> p.get("resolvedAt"))
                .isNotNull();
    }

    @Test
    void aProblemWhoseRunEndedOutsideBatonIsResolvedByTheSweep() {
        String processId = deploy("Canceled in Operate", "task_log_call", false);
        long run = processInstances.start(processId, Map.of(Blocks.ACCOUNT_ID, account("rob")));
        awaitProblem(processId);
        String other = deploy("Still running", "task_log_call", false);
        processInstances.start(other, Map.of(Blocks.ACCOUNT_ID, account("rob")));
        awaitProblem(other);

        client.newCancelInstanceCommand(run).send().join(); // as an operator does in Operate
        endedRuns.sweep(500);

        assertThat(problem(processId))
                .containsEntry("resolution", JobProblems.RUN_ENDED)
                .extracting(p -> p.get("resolvedAt"))
                .isNotNull();
        assertThat(problem(other)).containsEntry("resolvedAt", null);
    }

    /**
     * Two parallel instances of one step fail for the same cause: one problem, standing until each of
     * the two jobs has gone through, whichever goes first (the last one to fail first here: that one
     * alone resolved the shared row before). The two fail within milliseconds of each other: listed at
     * once, each made a problem of its own until they were listed one at a time.
     */
    @Test
    void aProblemOfTwoParallelJobsStandsUntilBothWentThrough() {
        String processId = deploy("Parallel check", "task_log_call", true);
        long run = processInstances.start(processId, Map.of(Blocks.ACCOUNT_ID, account("rob")));
        List<IncidentRecordValue> failed = await().atMost(WAIT).until(() -> incidents(run), l -> l.size() == 2);
        Map<String, Object> problem = awaitProblem(processId);
        assertThat(problem).containsEntry("failures", 2);
        long last = ((Number) problem.get("jobKey")).longValue();
        IncidentRecordValue lastFailed =
                failed.stream().filter(i -> i.getJobKey() == last).findFirst().orElseThrow();
        IncidentRecordValue firstFailed =
                failed.stream().filter(i -> i.getJobKey() != last).findFirst().orElseThrow();

        fixAndRetry(lastFailed);
        long id = ((Number) problem.get("id")).longValue();
        JobProblem afterLast = await().atMost(WAIT)
                .until(
                        () -> problems.findById(id).orElseThrow(),
                        p -> p.getResolvedAt() != null || !p.getOpenJobKeys().contains(last));

        assertThat(afterLast.getResolvedAt()).isNull();
        assertThat(afterLast.getOpenJobKeys()).containsExactly(firstFailed.getJobKey());
        assertThat(problem(processId)).containsEntry("resolvedAt", null);

        fixAndRetry(firstFailed);

        await().atMost(WAIT).until(() -> problem(processId).get("resolvedAt") != null);
        assertThat(problem(processId)).containsEntry("resolution", "the step went through");
    }

    /** The cause fixed on the job's own step (its kind), the job given a retry and its incident resolved, as in Operate. */
    private void fixAndRetry(IncidentRecordValue incident) {
        client.newSetVariablesCommand(incident.getElementInstanceKey())
                .variables(Map.of("kind", "CALL"))
                .local(true)
                .send()
                .join();
        client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
        StreamSupport.stream(records().incidentRecords().spliterator(), false)
                .filter(r ->
                        r.getIntent() == IncidentIntent.CREATED && r.getValue().getJobKey() == incident.getJobKey())
                .forEach(
                        r -> client.newResolveIncidentCommand(r.getKey()).send().join());
    }

    private List<IncidentRecordValue> incidents(long processInstanceKey) {
        return StreamSupport.stream(records().incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED
                        && r.getValue().getProcessInstanceKey() == processInstanceKey)
                .map(r -> r.getValue())
                .toList();
    }

    private Map<String, Object> awaitProblem(String processId) {
        return await().atMost(WAIT).until(() -> problemOrNull(processId), p -> p != null);
    }

    private Map<String, Object> problem(String processId) {
        return problemOrNull(processId);
    }

    /** The one STEP problem of the process on the API, or null. */
    private Map<String, Object> problemOrNull(String processId) {
        List<Map<String, Object>> listed = as("ada").getForObject("/api/admin/problems", List.class);
        List<Map<String, Object>> of = listed.stream()
                .filter(p -> "STEP".equals(p.get("kind")) && processId.equals(p.get("bpmnProcessId")))
                .toList();
        assertThat(of).hasSizeLessThan(2);
        return of.isEmpty() ? null : of.getFirst();
    }

    /**
     * Deploys a playbook named {@code name} whose one step ({@code elementId}, {@link #STEP_NAME}) logs
     * an interaction of a kind that does not exist ("LUNCH"): the block fails at once for good. As a
     * multi-instance step of two parallel instances when {@code parallel}.
     */
    private String deploy(String name, String elementId, boolean parallel) {
        String processId = "problem-test-" + DEPLOYED.incrementAndGet() + "-" + System.nanoTime();
        BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
                .name(name)
                .startEvent()
                .serviceTask(elementId, t -> {
                    t.name(STEP_NAME)
                            .zeebeJobType(Blocks.RECORD_INTERACTION)
                            .zeebeInput("LUNCH", "kind")
                            .zeebeInput("Called about the renewal", "summary");
                    if (parallel) {
                        t.multiInstance(m -> m.parallel().zeebeInputCollectionExpression("[1, 2]"));
                    }
                })
                .endEvent()
                .done();
        register(processId, model);
        return processId;
    }

    /** Deploys a playbook that calls {@code called}; returns its process id. */
    private String deployCaller(String called) {
        String processId = "problem-caller-" + DEPLOYED.incrementAndGet() + "-" + System.nanoTime();
        BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
                .name("Calls a check")
                .startEvent()
                .callActivity("call_check", c -> c.name("Run the check").zeebeProcessId(called))
                .endEvent()
                .done();
        register(processId, model);
        return processId;
    }

    private void register(String processId, BpmnModelInstance model) {
        byte[] xml = Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
        DeploymentEvent deployed = camunda.newDeployResourceCommand()
                .addResourceBytes(xml, processId + ".bpmn")
                .send()
                .join();
        models.register(deployed, Map.of(processId + ".bpmn", xml));
    }
}
