package dev.baton.playbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.account.InteractionKind;
import dev.baton.account.InteractionService;
import dev.baton.account.InteractionView;
import dev.baton.blocks.BlockProcessTest;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.WorkerRecords;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * sample-review with the real worker (ReviewRecorder) on the in-memory engine: the review is done
 * by a person through the task API, and the worker puts it on the account's timeline in their name.
 */
class SampleReviewWorkerProcessTests extends BlockProcessTest {

    @Autowired
    InteractionService interactions;

    @Autowired
    ReviewRecorder recorder;

    @Test
    void theReviewGoesOnTheAccountsTimelineAsTheReviewersNote() throws Exception {
        WorkerRecords sent = new WorkerRecords(engine, WAIT);
        long accountId = account("rita");
        long instance = startReview(accountId);
        Task review = awaitTaskOf(instance);
        assertThat(post("rob", review, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(answer(
                                review,
                                Map.of(
                                        "reviewSummary", "Renewal looks safe",
                                        "healthScore", 8,
                                        "renewalRisk", "low",
                                        "needsFollowUp", true,
                                        "nextContactDate", "2030-01-10",
                                        "contactPerson", "Ann Lee"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Map<String, Object> outputs = sent.awaitCompleted(instance, SampleReviewBpmn.RECORD_REVIEW_JOB_TYPE);
        sent.awaitEnded(instance);
        assertThat(sent.passed(instance))
                .containsSubsequence(
                        SampleReviewBpmn.TASK_REVIEW_ACCOUNT,
                        SampleReviewBpmn.TASK_RECORD_REVIEW,
                        SampleReviewBpmn.END);
        List<InteractionView> timeline = timeline(accountId);
        assertThat(timeline).singleElement().satisfies(note -> {
            assertThat(note.kind()).isEqualTo(InteractionKind.NOTE);
            assertThat(note.byUsername()).isEqualTo("rob");
            assertThat(note.summary())
                    .isEqualTo("Account review: Renewal looks safe. Health score 8 of 10; renewal risk low;"
                            + " needs a follow-up call; next contact on 2030-01-10; spoke to Ann Lee.");
        });
        assertThat(outputs)
                .isEqualTo(Map.of(
                        Variables.REVIEW_RECORDED,
                        true,
                        SampleReviewBpmn.INTERACTION_ID,
                        timeline.getFirst().id().intValue()));
    }

    @Test
    void aReviewDeliveredTwiceLeavesOneNote() {
        long accountId = account("rita");
        long step = newStepKey();
        Map<String, Object> answers = Map.of(
                Variables.ACCOUNT_ID, accountId,
                SampleReviewBpmn.REVIEWED_BY, "rob",
                SampleReviewBpmn.SUMMARY, "Quiet quarter",
                SampleReviewBpmn.HEALTH_SCORE, 5,
                SampleReviewBpmn.RENEWAL_RISK, "medium");

        Map<String, Object> first =
                recorder.recordReview(job(SampleReviewBpmn.RECORD_REVIEW_JOB_TYPE, step, answers, Map.of()));
        Map<String, Object> second =
                recorder.recordReview(job(SampleReviewBpmn.RECORD_REVIEW_JOB_TYPE, step, answers, Map.of()));

        assertThat(second).isEqualTo(first);
        assertThat(timeline(accountId))
                .extracting(InteractionView::summary)
                .containsExactly("Account review: Quiet quarter. Health score 5 of 10; renewal risk medium.");
    }

    @Test
    void textANoteCannotHoldIsRefusedAtItsFieldAndNothingReachesTheTimeline() throws Exception {
        long accountId = account("rita");
        long instance = startReview(accountId);
        Task review = awaitTaskOf(instance);
        post("rob", review, "claim");

        ResponseEntity<Map> refused = answer(
                review,
                Map.of(
                        "reviewSummary",
                        "Fine\u202Eenif",
                        "healthScore",
                        8,
                        "renewalRisk",
                        "low",
                        "contactPerson",
                        "A\u0007B"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) refused.getBody().get("errors"))
                .containsOnlyKeys("reviewSummary", "contactPerson")
                .containsEntry("reviewSummary", "must not contain control characters or bidi overrides");
        assertThat(tasks.findById(review.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(timeline(accountId)).isEmpty();
    }

    /** Probe 45, F10: "next contact on 1999-01-01" went onto the timeline; a past or far-off day is refused. */
    @Test
    void aNextContactDateInThePastOrCenturiesAheadIsRefusedAtItsField() throws Exception {
        long accountId = account("rita");
        long instance = startReview(accountId);
        Task review = awaitTaskOf(instance);
        post("rob", review, "claim");

        Map<String, String> refusedWith = Map.of(
                "1999-01-01", "is in the past",
                "2199-12-31", "must be at most 50 years from today");
        refusedWith.forEach((date, message) -> {
            ResponseEntity<Map> refused = answer(
                    review,
                    Map.of("reviewSummary", "Fine", "healthScore", 8, "renewalRisk", "low", "nextContactDate", date));

            assertThat(refused.getStatusCode()).as(date).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(String.valueOf(((Map<String, Object>) refused.getBody().get("errors")).get("nextContactDate")))
                    .as(date)
                    .startsWith(message);
        });
        assertThat(tasks.findById(review.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(timeline(accountId)).isEmpty();
    }

    /**
     * The brief of session 36 (the s35 probe's finding 17): a playbook calling the sample review
     * without an {@code accountId}. The record step's mapping {@code =accountId} gives null (the engine
     * raises no incident), the review is answered and the run ends, recorded nowhere: so the catalogue
     * refuses to launch such a caller without an account (PlaybookCatalogueIntegrationTests).
     */
    @Test
    void aCallerWithoutAnAccountRunsTheReviewToItsEndAndRecordsItNowhere() throws Exception {
        WorkerRecords sent = new WorkerRecords(engine, WAIT);
        String callerId = deployCaller();
        long before = lastTaskId();
        long caller = processInstances.start(callerId, Map.of());
        Task review = awaitCalledReview(before);
        assertThat(review.getAccountId()).isNull();
        post("rob", review, "claim");

        assertThat(answer(review, Map.of("reviewSummary", "About nothing", "healthScore", 5, "renewalRisk", "low"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        sent.awaitEnded(caller);
        assertThat(sent.awaitCompleted(review.getProcessInstanceKey(), SampleReviewBpmn.RECORD_REVIEW_JOB_TYPE))
                .isEqualTo(Map.of(Variables.REVIEW_RECORDED, true));
    }

    @Test
    void aCallerOnAnAccountPutsTheCalledReviewOnItsTimeline() throws Exception {
        WorkerRecords sent = new WorkerRecords(engine, WAIT);
        long accountId = account("rita");
        String callerId = deployCaller();
        long before = lastTaskId();
        long caller = processInstances.start(callerId, Map.of(Variables.ACCOUNT_ID, accountId));
        Task review = awaitCalledReview(before);
        post("rob", review, "claim");

        answer(review, Map.of("reviewSummary", "Calm", "healthScore", 7, "renewalRisk", "low"));

        sent.awaitEnded(caller);
        assertThat(timeline(accountId))
                .extracting(InteractionView::summary)
                .containsExactly("Account review: Calm. Health score 7 of 10; renewal risk low.");
    }

    private static final java.util.concurrent.atomic.AtomicInteger CALLERS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A playbook whose one step calls the sample review (variables passed both ways, as Modeler's default). */
    private String deployCaller() {
        String processId = "calls-sample-review-" + CALLERS.incrementAndGet();
        var model = io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(processId)
                .name("Calls the sample review")
                .startEvent()
                .callActivity(
                        "call_review", c -> c.name("Review the account").zeebeProcessId(SampleReviewBpmn.PROCESS_ID))
                .endEvent()
                .done();
        byte[] xml = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(model)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        models.register(
                camunda.newDeployResourceCommand()
                        .addResourceBytes(xml, processId + ".bpmn")
                        .send()
                        .join(),
                Map.of(processId + ".bpmn", xml));
        return processId;
    }

    private long lastTaskId() {
        return tasks.findAll().stream().mapToLong(Task::getId).max().orElse(0);
    }

    /** The first sample review step after task {@code before}. */
    private Task awaitCalledReview(long before) {
        return org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getId() > before
                                        && SampleReviewBpmn.PROCESS_ID.equals(t.getBpmnProcessId())
                                        && t.getStatus() == TaskStatus.OPEN)
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    private ResponseEntity<Map> answer(Task review, Map<String, Object> values) {
        return as("rob").postForEntity("/api/tasks/" + review.getId() + "/complete", values, Map.class);
    }

    private List<InteractionView> timeline(long accountId) {
        return interactions.forAccount(accountId, Pageable.ofSize(50)).getContent();
    }
}
