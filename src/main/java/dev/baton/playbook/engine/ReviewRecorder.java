package dev.baton.playbook.engine;

import dev.baton.account.InteractionKind;
import dev.baton.account.InteractionService;
import dev.baton.account.NewInteraction;
import dev.baton.blocks.BlockRuns;
import dev.baton.engine.Bpmn.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The sample playbook's automated step: puts the review on the account's timeline as a note by the
 * person who answered it ({@code reviewedBy}), so the account's story keeps what they learned, and
 * confirms it in {@code reviewRecorded}. Once per step ({@link BlockRuns}): a job delivered twice
 * logs one note. A run whose review was answered before Baton set {@code reviewedBy} only confirms.
 * Public because the Spring SDK invokes worker methods reflectively.
 */
@Component
public class ReviewRecorder {

    private final InteractionService interactions;
    private final BlockRuns runs;

    ReviewRecorder(InteractionService interactions, BlockRuns runs) {
        this.interactions = interactions;
        this.runs = runs;
    }

    @JobWorker(
            type = SampleReviewBpmn.RECORD_REVIEW_JOB_TYPE,
            autoComplete = true,
            fetchVariables = {
                Variables.ACCOUNT_ID,
                SampleReviewBpmn.REVIEWED_BY,
                SampleReviewBpmn.SUMMARY,
                SampleReviewBpmn.HEALTH_SCORE,
                SampleReviewBpmn.RENEWAL_RISK,
                SampleReviewBpmn.NEEDS_FOLLOW_UP,
                SampleReviewBpmn.NEXT_CONTACT_DATE,
                SampleReviewBpmn.CONTACT_PERSON
            })
    public Map<String, Object> recordReview(ActivatedJob job) {
        Map<String, Object> answers = job.getVariablesAsMap();
        if (!(answers.get(SampleReviewBpmn.REVIEWED_BY) instanceof String reviewer)
                || !(answers.get(Variables.ACCOUNT_ID) instanceof Number accountId)) {
            return Map.of(Variables.REVIEW_RECORDED, true);
        }
        return runs.once(job.getElementInstanceKey(), job.getType(), () -> {
            long interactionId = interactions
                    .log(
                            accountId.longValue(),
                            new NewInteraction(InteractionKind.NOTE, note(answers), null, null),
                            reviewer)
                    .id();
            return Map.of(Variables.REVIEW_RECORDED, true, SampleReviewBpmn.INTERACTION_ID, interactionId);
        });
    }

    /**
     * The note in the form's words, e.g. "Account review: Renewal looks safe. Health score 8 of 10;
     * renewal risk low; needs a follow-up call, next contact on 2026-12-10; spoke to Ann Lee."
     */
    static String note(Map<String, Object> answers) {
        List<String> facts = new ArrayList<>();
        if (answers.get(SampleReviewBpmn.HEALTH_SCORE) instanceof Number score) {
            facts.add("health score " + score + " of 10");
        }
        if (answers.get(SampleReviewBpmn.RENEWAL_RISK) instanceof String risk && !risk.isBlank()) {
            facts.add("renewal risk " + risk);
        }
        if (Boolean.TRUE.equals(answers.get(SampleReviewBpmn.NEEDS_FOLLOW_UP))) {
            facts.add("needs a follow-up call");
        }
        if (answers.get(SampleReviewBpmn.NEXT_CONTACT_DATE) instanceof String next && !next.isBlank()) {
            facts.add("next contact on " + next);
        }
        if (answers.get(SampleReviewBpmn.CONTACT_PERSON) instanceof String person && !person.isBlank()) {
            facts.add("spoke to " + person.strip());
        }
        String summary = answers.get(SampleReviewBpmn.SUMMARY) instanceof String s ? s.strip() : "";
        StringBuilder text = new StringBuilder("Account review:");
        if (!summary.isEmpty()) {
            text.append(' ').append(summary).append(summary.endsWith(".") ? "" : ".");
        }
        if (!facts.isEmpty()) {
            String joined = String.join("; ", facts);
            text.append(' ')
                    .append(Character.toUpperCase(joined.charAt(0)))
                    .append(joined.substring(1))
                    .append('.');
        }
        return text.toString();
    }
}
