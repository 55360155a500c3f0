package dev.baton.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.audit.AuditLog;
import dev.baton.engine.DeployedPlaybooks;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.engine.ProcessInstances;
import dev.baton.people.People;
import dev.baton.people.PeopleLookup;
import dev.baton.shared.CancelReason;
import dev.baton.shared.EngineUnavailableException;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskService;
import dev.baton.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Found by a hostile probe: a playbook run could not be cancelled at all, so one waiting forever or
 * stuck on an incident stayed "running" for good.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class RunCancellationIntegrationTests extends EngineIntegrationTest {

    @Autowired
    DeployedPlaybooks deployed;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    PeopleLookup peopleLookup;

    @Autowired
    PlaybookInstances instances;

    @Autowired
    AuditEvents auditEvents;

    @Autowired
    TaskService taskService;

    @Autowired
    TaskEngineSync engineSync;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.baton.engine.JobProblems jobProblems;

    @Test
    void theManagerWhoLaunchedARunCancelsItWithAReasonOnceAndItsTaskIsWithdrawn() throws Exception {
        long key = launchAsMaria("Acme Cancel");
        Task review = awaitTaskOf(key);
        String cancel = "/api/playbooks/instances/" + key + "/cancel";
        long runningBefore = running();

        ResponseEntity<Map> otherManager = as("marcus").postForEntity(cancel, Map.of("reason", "mine now"), Map.class);
        ResponseEntity<Map> rep = as("rob").postForEntity(cancel, Map.of("reason", "done"), Map.class);
        ResponseEntity<Map> unknown = as("ada")
                .postForEntity("/api/playbooks/instances/987654321/cancel", Map.of("reason", "gone"), Map.class);
        ResponseEntity<Map> blank = as("maria").postForEntity(cancel, Map.of("reason", "  "), Map.class);
        ResponseEntity<Map> tooLong = as("maria").postForEntity(cancel, Map.of("reason", "😀".repeat(2001)), Map.class);

        assertThat(otherManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rep.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) unknown.getBody().get("detail")).isEqualTo("no playbook instance 987654321");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(blank)).containsKey("reason");
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(tooLong)).containsEntry("reason", "must be at most 2,000 characters");
        assertThat(processInstances.isRunning(key)).isTrue();
        assertThat(tasks.findById(review.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(canceledEvents(key)).isEmpty();

        ResponseEntity<Map> canceled =
                as("maria").postForEntity(cancel, Map.of("reason", " Customer churned 😀 "), Map.class);

        assertThat(canceled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(canceled.getBody())
                .containsEntry("canceledBy", "maria")
                .containsEntry("cancelReason", "Customer churned 😀");
        assertThat(canceled.getBody().get("endedAt")).isNotNull();
        assertThat(processInstances.isRunning(key)).isFalse();
        assertThat(tasks.findById(review.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.CANCELED);
        assertThat(running()).isEqualTo(runningBefore - 1);
        assertThat((List<Map<String, Object>>)
                        as("maria").getForObject("/api/playbooks/sample-review/instances", List.class))
                .filteredOn(i -> ((Number) i.get("processInstanceKey")).longValue() == key)
                .singleElement()
                .satisfies(i -> assertThat(i).containsEntry("canceledBy", "maria"));

        ResponseEntity<Map> again = as("ada").postForEntity(cancel, Map.of("reason", "twice"), Map.class);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // found by a probe: the conflict named who canceled it by user name ("canceled by maria")
        assertThat((String) again.getBody().get("detail"))
                .isEqualTo("run " + key + " has ended already (canceled by Maria Rossi): nothing to cancel");
        assertThat(canceledEvents(key)).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("maria");
            assertThat(e.getAfterState()).containsEntry("reason", "Customer churned 😀");
            // by name, as its launch on the timeline (session 45's probe: "the playbook sample-review")
            assertThat(e.getAfterState())
                    .containsEntry("playbook", "Sample account review")
                    .containsEntry("processId", "sample-review");
        });
        assertThat(instances.findById(key).orElseThrow().getCancelReason()).isEqualTo("Customer churned 😀");
    }

    @Test
    void aRunTheEngineNoLongerHasIsRecordedEndedNotCanceled() throws Exception {
        long key = launchAsMaria("Acme Gone");
        awaitTaskOf(key);
        assertThat(processInstances.cancel(key)).isTrue(); // gone behind Baton's back (Operate, say)

        ResponseEntity<Map> refused = as("ada")
                .postForEntity("/api/playbooks/instances/" + key + "/cancel", Map.of("reason", "stuck"), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail"))
                .isEqualTo("run " + key + " has ended already: nothing to cancel");
        PlaybookInstance run = instances.findById(key).orElseThrow();
        assertThat(run.getEndedAt()).isNotNull();
        assertThat(run.getCanceledBy()).isNull();
        assertThat(canceledEvents(key)).isEmpty();
    }

    @Test
    void noRowIsLockedWhileTheEngineCancelsAndTheRecordFollowsItsAnswer() throws Exception {
        long key = launchAsMaria("Acme Lock");
        Task review = awaitTaskOf(key);
        List<String> seenDuringTheCall = new ArrayList<>();
        ProcessInstances engine = mock(ProcessInstances.class);
        when(engine.cancel(key)).thenAnswer(call -> {
            // another transaction, as the lock renewal or a second cancel would be
            seenDuringTheCall.add(
                    CompletableFuture.supplyAsync(() -> rowLockFree(key)).get());
            return processInstances.cancel(key);
        });
        RunCancellation cancellation = cancellationWith(engine);

        cancellation.cancel(key, "Customer churned", "ada", List.of("ADMIN"));

        assertThat(seenDuringTheCall).containsExactly("free");
        assertThat(processInstances.isRunning(key)).isFalse();
        assertThat(instances.findById(key).orElseThrow().getCanceledBy()).isEqualTo("ada");
        assertThat(tasks.findById(review.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.CANCELED);
        assertThat(canceledEvents(key)) // its actor is the signed-in person's: nobody is, here
                .singleElement()
                .satisfies(e -> assertThat(e.getAfterState()).containsEntry("reason", "Customer churned"));
    }

    @Test
    void anEngineThatDoesNotAnswerChangesNothing() throws Exception {
        long key = launchAsMaria("Acme Outage");
        Task review = awaitTaskOf(key);
        ProcessInstances engine = mock(ProcessInstances.class);
        when(engine.cancel(key)).thenThrow(new EngineUnavailableException("cancelling instance " + key, null));
        RunCancellation cancellation = cancellationWith(engine);

        assertThatThrownBy(() -> cancellation.cancel(key, "Customer churned", "ada", List.of("ADMIN")))
                .isInstanceOf(EngineUnavailableException.class);

        PlaybookInstance run = instances.findById(key).orElseThrow();
        assertThat(run.getEndedAt()).isNull();
        assertThat(run.getCanceledBy()).isNull();
        assertThat(processInstances.isRunning(key)).isTrue();
        assertThat(tasks.findById(review.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(canceledEvents(key)).isEmpty();
    }

    /**
     * The task of a playbook the run called lingered in its inbox until its lock's renewal, days later.
     * Now it is withdrawn within seconds: checked at once and again two seconds later, as the engine
     * terminates a called instance just after its caller (the check at once lost that race in one suite run).
     */
    @Test
    void theTaskOfAPlaybookTheRunCalledIsWithdrawnAtOnceAndAnotherRunsTaskStays() throws Exception {
        String processId = uploadCallerOfTheSampleReview();
        Account account = accounts.save(
                new Account("Acme Calls", people.findByUsername("rob").orElseThrow(), null, null, null));
        long other = launchAsMaria(account); // a sample review of the same account, running beside
        Task othersTask = awaitTaskOf(other);
        ResponseEntity<Map> started = as("maria")
                .postForEntity(
                        "/api/playbooks/" + processId + "/instances", Map.of("accountId", account.getId()), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long key = ((Number) started.getBody().get("processInstanceKey")).longValue();
        Task called = org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> account.getId().equals(t.getAccountId()) && t.getId() > othersTask.getId())
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        assertThat(called.getProcessInstanceKey()).isNotEqualTo(key); // the called instance's own

        cancelWithdrawsOnlyTheCalledTask(key, called, other, othersTask);
    }

    /**
     * maria cancels run {@code key}: the task of the playbook it called is withdrawn, at once or (the engine
     * terminating the called instance just after the run) at the check seconds later; run {@code other} and
     * its task are left as they were.
     */
    private void cancelWithdrawsOnlyTheCalledTask(long key, Task called, long other, Task othersTask) throws Exception {
        ResponseEntity<Map> canceled = as("maria")
                .postForEntity(
                        "/api/playbooks/instances/" + key + "/cancel", Map.of("reason", "not needed"), Map.class);

        assertThat(canceled.getStatusCode()).isEqualTo(HttpStatus.OK);
        // at once, or (the engine terminating the called instance just after the run) at the check seconds later
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30)) // the last check is 18 s after the cancel
                .until(() -> tasks.findById(called.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED);
        assertThat(tasks.findById(othersTask.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(processInstances.isRunning(other)).isTrue();
    }

    /** Uploads a playbook whose one step calls the sample review; returns its process id. */
    private String uploadCallerOfTheSampleReview() {
        return uploadCallerOf("sample-review");
    }

    /** Uploads a playbook whose one step calls {@code calledProcessId}; returns its process id. */
    private String uploadCallerOf(String calledProcessId) {
        String processId = "Process_calls_review_" + System.nanoTime();
        String caller = PlaybookUploadIntegrationTests.good(processId)
                .replaceFirst(
                        "(?s)<bpmn:userTask id=\"Activity_call\".*?</bpmn:userTask>",
                        "<bpmn:callActivity id=\"Activity_call\" name=\"Review the account\"><bpmn:extensionElements>"
                                + "<zeebe:calledElement processId=\"" + calledProcessId
                                + "\" /></bpmn:extensionElements>"
                                + "<bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>"
                                + "</bpmn:callActivity>");
        uploadPlaybook(caller, false);
        return processId;
    }

    /** ada uploads the file, with the form its first step links when {@code withForm}. */
    private void uploadPlaybook(String bpmn, boolean withForm) {
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("files", PlaybookCatalogueIntegrationTests.file("playbook.bpmn", bpmn));
        if (withForm) {
            files.add(
                    "files",
                    PlaybookCatalogueIntegrationTests.file("renewal-call.form", PlaybookUploadIntegrationTests.FORM));
        }
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> uploaded =
                as("ada").postForEntity("/api/playbooks", new HttpEntity<>(files, multipart), String.class);
        assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * Found by the session 35 probe: cancelling a run about no account left the tasks of the playbook it
     * called in the inbox (only those on the run's account were checked). A live run's such task stays.
     */
    @Test
    void theTaskOfAPlaybookARunWithoutAccountCalledIsWithdrawnAndAnotherRunsTaskStays() throws Exception {
        // a called playbook that needs no account: one calling the sample review is launched on an account only
        String calledId = "Process_called_" + System.nanoTime();
        uploadPlaybook(PlaybookUploadIntegrationTests.good(calledId), true);
        String processId = uploadCallerOf(calledId);
        long before = tasks.findAll().stream().mapToLong(Task::getId).max().orElse(0);
        long other = launchCaller(processId);
        Task othersTask = awaitCalledTask(before, calledId);
        long key = launchCaller(processId);
        Task called = awaitCalledTask(othersTask.getId(), calledId);

        cancelWithdrawsOnlyTheCalledTask(key, called, other, othersTask);
    }

    private long launchCaller(String processId) {
        ResponseEntity<Map> started =
                as("maria").postForEntity("/api/playbooks/" + processId + "/instances", Map.of(), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) started.getBody().get("processInstanceKey")).longValue();
    }

    /** The first step of the called playbook about no account after task {@code afterId}. */
    private Task awaitCalledTask(long afterId, String calledId) {
        return org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getAccountId() == null
                                        && t.getId() > afterId
                                        && calledId.equals(t.getBpmnProcessId()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    /** "free" when another transaction can lock the run's row at once, else what stopped it. */
    private String rowLockFree(long key) {
        try {
            tx.executeWithoutResult(status -> jdbc.queryForList(
                    "select 1 from playbook_instance where process_instance_key = ? for update nowait", key));
            return "free";
        } catch (RuntimeException e) {
            return "locked: " + e.getMessage();
        }
    }

    @Test
    void theInstancePageOffersTheCancelFormOnlyToWhoMayAndSaysWhoCanceledWhy() throws Exception {
        long key = launchAsMaria("Acme Page");
        awaitTaskOf(key);
        String url = "/playbooks/instances/" + key;
        TestRestTemplate ada = SignedIn.as(http, "ada");

        assertThat(SignedIn.as(http, "marcus").getForObject(url, String.class)).doesNotContain("Cancel this run");
        assertThat(SignedIn.as(http, "rob").getForObject(url, String.class)).doesNotContain("Cancel this run");
        assertThat(SignedIn.as(http, "maria").getForObject(url, String.class)).contains("Cancel this run");
        String page = ada.getForObject(url, String.class);
        assertThat(page).contains("Cancel this run", "name=\"reason\"");

        String refused = postForm(ada, url, "reason=+", page);

        assertThat(refused).contains("Not canceled: say why the run is canceled", "id=\"cancel-error\"");
        assertThat(processInstances.isRunning(key)).isTrue();
        String tooLong = "x".repeat(CancelReason.MAX + 1);
        assertThat(postForm(ada, url, "reason=" + tooLong, page))
                .contains("Not canceled: must be at most 2,000 characters")
                .as("what was typed is in the form again, to shorten rather than type again")
                .containsPattern("id=\"cancel-reason\"[^>]*>" + tooLong + "</textarea>");
        assertThat(processInstances.isRunning(key)).isTrue();

        String canceled = postForm(ada, url, "reason=No+longer+needed", page);

        // found by a probe: the page named the people by user name ("Canceled by ada", "started by maria")
        assertThat(canceled)
                .contains("Canceled by <span>Ada Lovelace</span> on", "No longer needed", ">canceled<")
                .contains("started by <span>Maria Rossi</span> at")
                .doesNotContain("Cancel this run");
        assertThat(ada.getForObject("/playbooks/sample-review", String.class))
                .contains("<td>Maria Rossi</td>", "(canceled by <span>Ada Lovelace</span>)");
        assertThat(processInstances.isRunning(key)).isFalse();
        assertThat(canceledEvents(key)).extracting(AuditEvent::getActor).containsExactly("ada");
    }

    private long launchAsMaria(String accountName) {
        return launchAsMaria(accounts.save(
                new Account(accountName, people.findByUsername("rob").orElseThrow(), null, null, null)));
    }

    private long launchAsMaria(Account account) {
        ResponseEntity<Map> started = as("maria")
                .postForEntity(
                        "/api/playbooks/sample-review/instances", Map.of("accountId", account.getId()), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) started.getBody().get("processInstanceKey")).longValue();
    }

    private long running() {
        return ((Number) as("maria")
                        .getForObject("/api/playbooks/sample-review", Map.class)
                        .get("running"))
                .longValue();
    }

    /** Baton's cancel as the app wires it, but for the engine it talks to. */
    private RunCancellation cancellationWith(ProcessInstances engine) {
        return new RunCancellation(
                instances, engine, taskService, engineSync, audit, clock, tx, peopleLookup, jobProblems, deployed);
    }

    private List<AuditEvent> canceledEvents(long key) {
        return auditEvents.findByEntityTypeAndEntityIdOrderByAt("playbook_instance", key).stream()
                .filter(e -> e.getAction().equals("playbook.instance-canceled"))
                .toList();
    }

    /** Posts the cancel form of {@code page} as its browser would, and returns the page it is sent back to. */
    private static String postForm(TestRestTemplate browser, String url, String body, String page) {
        ResponseEntity<String> answer =
                browser.postForEntity(url + "/cancel", new HttpEntity<>(body, SignedIn.formOf(page)), String.class);
        assertThat(answer.getStatusCode().isError()).as("%s", answer).isFalse();
        return browser.getForObject(url, String.class); // the redirect's target, with the flash message
    }
}
