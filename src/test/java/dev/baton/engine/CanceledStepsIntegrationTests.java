package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.task.Task;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Found by session 39's probe: a step the engine closed with no new step arriving to tell (an
 * interrupting boundary or event subprocess leading to a week's wait, a terminate end event on another
 * path) stayed open
 * and completable in its inbox until its lock renewal, an hour or more later. In embedded mode the
 * engine's record log says so at once, and {@link CanceledSteps} (every 2 s outside the tests, which
 * call it) withdraws the step. The playbooks' timers are an hour long and the engine's clock is moved
 * on, so that no timer fires before the step has reached the inbox on a loaded machine.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class CanceledStepsIntegrationTests extends EngineIntegrationTest {

    @Autowired
    CanceledSteps canceledSteps;

    @Autowired
    ActiveElements activeElements;

    @Autowired
    AuditEvents auditEvents;

    @Autowired
    TaskEngineSync engineSync;

    @Test
    void aStepInterruptedByItsBoundaryTimerLeavesTheInboxAtTheNextReadOfTheLog() throws Exception {
        long run = launch("playbooks/upload/interrupted-by-timer.bpmn", "Process_interrupted_by_timer");
        Task convert = awaitTaskOf(run);
        assertThat(inboxOf("rob", convert)).contains(convert.getId());

        engine.increaseTime(Duration.ofHours(1)); // the trial is over: the run waits a week, no new step
        await().atMost(WAIT).until(() -> activeElements.of(run).equals(Set.of("Event_wait_a_week")));
        canceledSteps.withdrawCanceled();

        assertWithdrawnBySystem(convert);
    }

    @Test
    void aStepBesideATerminateEndEventLeavesTheInboxWhenTheRunEnds() throws Exception {
        long run = launch("playbooks/upload/terminated-beside.bpmn", "Process_terminated_beside");
        Task convert = awaitTaskOf(run);

        engine.increaseTime(Duration.ofHours(1)); // the deadline path reaches its terminate end event
        await().atMost(WAIT).until(() -> !processInstances.isRunning(run));
        canceledSteps.withdrawCanceled();

        assertWithdrawnBySystem(convert);
    }

    @Test
    void aStepInterruptedByAnEventSubprocessLeavesTheInboxAndBeingToldAgainChangesNothing() throws Exception {
        long run = launch(
                "playbooks/upload/interrupted-by-event-subprocess.bpmn", "Process_interrupted_by_event_subprocess");
        Task convert = awaitTaskOf(run);

        engine.increaseTime(Duration.ofHours(1)); // the trial is over: the event subprocess waits a week
        await().atMost(WAIT).until(() -> activeElements.of(run).contains("Event_wait_a_week"));
        canceledSteps.withdrawCanceled();
        assertWithdrawnBySystem(convert);
        List<AuditEvent> history = auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", convert.getId());

        canceledSteps.withdrawCanceled(); // nothing new in the log: nothing happens
        assertThat(engineSync.settleCanceled(List.of(convert.getJobKey()))).isEmpty(); // told twice: likewise

        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", convert.getId()))
                .hasSameSizeAs(history);
    }

    @Test
    void aLiveStepAndACompletedOneAreLeftAlone() throws Exception {
        long live = launch("playbooks/upload/interrupted-by-timer.bpmn", "Process_interrupted_by_timer");
        long answered = launch("playbooks/upload/interrupted-by-timer.bpmn", "Process_interrupted_by_timer");
        Task waiting = awaitTaskOf(live);
        Task done = awaitTaskOf(answered);
        assertThat(post("rob", done, "complete").getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitProcessCompleted(answered);

        canceledSteps.withdrawCanceled();

        assertThat(tasks.findById(waiting.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(tasks.findById(done.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(inboxOf("rob", waiting)).contains(waiting.getId());
    }

    private void assertWithdrawnBySystem(Task step) {
        assertThat(tasks.findById(step.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.CANCELED);
        assertThat(inboxOf("rob", step)).doesNotContain(step.getId());
        ResponseEntity<Map> shown = as("rob").getForEntity("/api/tasks/" + step.getId(), Map.class);
        assertThat((Map<String, Object>) shown.getBody().get("task")).containsEntry("status", "CANCELED");
        assertThat((List<Map<String, Object>>) shown.getBody().get("history"))
                .last()
                .satisfies(entry -> assertThat(entry)
                        .containsEntry("action", "task.canceled")
                        .containsEntry("actor", "system"));
        // answered from a page still open: told what happened, not only the step's status
        ResponseEntity<Map> late = post("rob", step, "complete");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) late.getBody().get("detail"))
                .contains("was withdrawn by its process (a deadline passed", "cannot be completed any more");
    }

    /** The ids of the open tasks in {@code username}'s inbox of the step's playbook. */
    private List<Long> inboxOf(String username, Task of) {
        return ids(as(username).getForEntity("/api/tasks?scope=inbox&playbook=" + of.getBpmnProcessId(), Map.class))
                .stream()
                .map(id -> ((Number) id).longValue())
                .toList();
    }

    /**
     * Uploads the file as ada under a fresh process id and name (and each of {@code replacements}' pairs,
     * text and its replacement, replaced) and launches it as maria.
     */
    private long launch(String file, String processId, String... replacements) throws IOException {
        String fresh = processId + "_" + System.nanoTime();
        String bpmn = new ClassPathResource(file)
                .getContentAsString(StandardCharsets.UTF_8)
                .replace(processId, fresh)
                .replaceFirst("(<bpmn:process id=\"" + fresh + "\" name=\"[^\"]*)", "$1 " + fresh); // names are unique
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            bpmn = bpmn.replace(replacements[i], replacements[i + 1]);
        }
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "playbook.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> uploaded =
                as("ada").postForEntity("/api/playbooks", new HttpEntity<>(body, headers), String.class);
        assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> started =
                as("maria").postForEntity("/api/playbooks/" + fresh + "/instances", Map.of(), Map.class);
        assertThat(started.getStatusCode())
                .as(String.valueOf(started.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        return ((Number) started.getBody().get("processInstanceKey")).longValue();
    }
}
