package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.support.Multipart;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Session 42's probe. F4: the runs a playbook's timer start event started reached the team's inbox, but
 * the catalogue counted and listed only the launched run, cancelling one was a 404 "no playbook
 * instance", and their task pages linked no run. F12: a caller's run page showed neither the run it
 * called nor that run's steps.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class EngineStartedRunsIntegrationTests extends EngineIntegrationTest {

    @Autowired
    EngineStartedRuns engineStartedRuns;

    @Autowired
    PlaybookInstances instances;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunItsTimerStartedIsCountedListedLinkedFromItsTaskAndCanceledByRevenueOps() throws Exception {
        String processId = "p42_timer_" + System.nanoTime();
        String bpmn = read("playbooks/probe42/timer-start.bpmn")
                .replace("Process_p42timerstart2", processId)
                .replace("name=\"P42 Team pipeline check\"", "name=\"Team check " + processId + "\"")
                .replace("R3/PT2M", "R1/PT1M");
        assertThat(upload("ada", Map.of("timer-start.bpmn", bpmn)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        engine.increaseTime(Duration.ofMinutes(2));
        Task check = awaitTaskOfProcess(processId);
        long key = check.getProcessInstanceKey();
        await().atMost(WAIT).until(() -> {
            engineStartedRuns.recordNew();
            return instances.existsById(key);
        });

        Map<String, Object> playbook = as("maria").getForObject("/api/playbooks/" + processId, Map.class);
        assertThat(playbook).containsEntry("running", 1);
        List<Map<String, Object>> runs =
                as("maria").getForObject("/api/playbooks/" + processId + "/instances", List.class);
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(((Number) run.get("processInstanceKey")).longValue()).isEqualTo(key);
            assertThat(run).containsEntry("startedHow", "TIMER").containsEntry("startedBy", null);
        });
        assertThat(as("maria").getForObject("/api/playbooks/instances/" + key, Map.class))
                .containsEntry("startedHow", "TIMER");
        assertThat(SignedIn.as(http, "olga").getForObject("/playbooks/" + processId, String.class))
                .contains("started by its timer");
        assertThat(SignedIn.as(http, "ada").getForObject("/playbooks/instances/" + key, String.class))
                .contains("started by its timer")
                .contains("Cancel the run");
        assertThat(SignedIn.as(http, "ada").getForObject("/tasks/" + check.getId(), String.class))
                .contains("href=\"/playbooks/instances/" + key + "\"");

        // seen again (a second look at the log, a second Baton instance): recorded once
        engineStartedRuns.recordNew(System.nanoTime(), Duration.ZERO);
        assertThat(jdbc.queryForObject(
                        "select count(*) from playbook_instance where process_instance_key = ?", Long.class, key))
                .isEqualTo(1L);

        String cancel = "/api/playbooks/instances/" + key + "/cancel";
        ResponseEntity<Map> manager = as("maria").postForEntity(cancel, Map.of("reason", "not mine"), Map.class);
        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> revops =
                as("olga").postForEntity(cancel, Map.of("reason", "uploaded by mistake"), Map.class);
        assertThat(revops.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revops.getBody()).containsEntry("canceledBy", "olga");
        assertThat(processInstances.isRunning(key)).isFalse();
        assertThat(tasks.findById(check.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.CANCELED);
        assertThat(as("maria").getForObject("/api/playbooks/" + processId, Map.class))
                .containsEntry("running", 0)
                .containsEntry("ended", 1);
    }

    @Test
    void aCallersRunPageShowsTheRunItCalledWithItsOpenStepsAndTheCalledRunSaysWhoCalledIt() throws Exception {
        String suffix = String.valueOf(System.nanoTime());
        String callee = "p42_callee_" + suffix;
        String caller = "p42_caller_" + suffix;
        assertThat(upload(
                                "ada",
                                Map.of(
                                        "callee.bpmn",
                                        read("playbooks/probe42/callee.bpmn")
                                                .replace("Process_p42callee", callee)
                                                .replace("P42 Contract check", "Contract check " + suffix)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(upload(
                                "ada",
                                Map.of(
                                        "caller.bpmn",
                                        read("playbooks/probe42/caller.bpmn")
                                                .replace("Process_p42callee", callee)
                                                .replace("Process_p42caller", caller)
                                                .replace("P42 Contract round", "Contract round " + suffix)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long account = accountOf("rob", "Called GmbH " + suffix);
        ResponseEntity<Map> launched = as("maria")
                .postForEntity("/api/playbooks/" + caller + "/instances", Map.of("accountId", account), Map.class);
        assertThat(launched.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long callerKey = ((Number) launched.getBody().get("processInstanceKey")).longValue();
        Task check = awaitTaskOfProcess(callee);
        long calleeKey = check.getProcessInstanceKey();
        await().atMost(WAIT).until(() -> {
            engineStartedRuns.recordNew();
            return instances.existsById(calleeKey);
        });

        Map<String, Object> callerRun = as("maria").getForObject("/api/playbooks/instances/" + callerKey, Map.class);
        assertThat((List<Map<String, Object>>) callerRun.get("calledRuns"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(((Number) c.get("processInstanceKey")).longValue())
                            .isEqualTo(calleeKey);
                    assertThat(c).containsEntry("name", "Contract check " + suffix);
                    assertThat((List<Map<String, Object>>) c.get("openSteps"))
                            .singleElement()
                            .satisfies(s -> assertThat(s)
                                    .containsEntry("name", "Check the contract")
                                    .containsEntry("assignee", "rob"));
                });
        Map<String, Object> calleeRun = as("maria").getForObject("/api/playbooks/instances/" + calleeKey, Map.class);
        assertThat(calleeRun).containsEntry("startedHow", "CALL");
        assertThat(((Number) calleeRun.get("calledBy")).longValue()).isEqualTo(callerKey);
        assertThat(SignedIn.as(http, "maria").getForObject("/playbooks/instances/" + callerKey, String.class))
                .contains("href=\"/playbooks/instances/" + calleeKey + "\"")
                .contains("Check the contract: Rob");
        assertThat(SignedIn.as(http, "maria").getForObject("/playbooks/instances/" + calleeKey, String.class))
                .contains("called by run")
                .contains("href=\"/playbooks/instances/" + callerKey + "\"");
        // the engine cancels a called run only with its caller: said, not a 5xx
        ResponseEntity<Map> cancelCallee = as("ada")
                .postForEntity(
                        "/api/playbooks/instances/" + calleeKey + "/cancel", Map.of("reason", "stop"), Map.class);
        assertThat(cancelCallee.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) cancelCallee.getBody().get("detail")).contains("called by run " + callerKey);
        // a called run is its caller's: not counted as a run of the called playbook of its own
        assertThat(as("maria").getForObject("/api/playbooks/" + callee, Map.class))
                .containsEntry("running", 0);
    }

    private Task awaitTaskOfProcess(String processId) throws Exception {
        engine.waitForIdleState(WAIT);
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getBpmnProcessId().equals(processId))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    private ResponseEntity<Object> upload(String user, Map<String, String> files) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        files.forEach((name, content) -> contents.put(name, content.getBytes(StandardCharsets.UTF_8)));
        ResponseEntity<Object> response =
                as(user).postForEntity("/api/playbooks", Multipart.files("files", contents), Object.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response;
    }

    static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
