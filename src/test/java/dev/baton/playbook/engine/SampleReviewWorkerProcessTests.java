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

    private ResponseEntity<Map> answer(Task review, Map<String, Object> values) {
        return as("rob").postForEntity("/api/tasks/" + review.getId() + "/complete", values, Map.class);
    }

    private List<InteractionView> timeline(long accountId) {
        return interactions.forAccount(accountId, Pageable.ofSize(50)).getContent();
    }
}
