package dev.baton.renewal.engine;

import static dev.baton.renewal.engine.RenewalBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.Bpmn;
import dev.baton.renewal.RenewalTest;
import dev.baton.renewal.engine.RenewalBpmn.Vars;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * renewal.bpmn with the real RenewalWorkers on the in-memory engine, every path: the owner answers
 * through the task API, the test checks what the workers sent, the account and its timeline. Late
 * stages are reached with stage dates that have passed (a renewal opened late, or started with past
 * dates), so the engine's clock is never moved for the other tests sharing it.
 */
class RenewalWorkerProcessTests extends RenewalTest {

    static final Map<String, Object> HEALTHY = Map.of("healthSummary", "Usage up 20%, sponsor happy", "risk", "low");
    static final Map<String, Object> PROPOSAL = Map.of("proposal", "Two more years, 5% up");

    @Autowired
    CamundaClient camunda;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aRenewalWithItsPromisesKeptGoesFromHealthReviewThroughProposalToRenewedAndMovesTheRenewalDate() {
        long account = account("rob", 90);
        long renewal = openRenewal(account);
        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);
        long instance = health.getProcessInstanceKey();
        assertThat(health.getAssignee()).isEqualTo("rob");
        assertThat(health.getAccountId()).isEqualTo(account);
        assertThat(health.getDueAt())
                .as("health review due by the end of the day 60 days before")
                .isEqualTo(endOf(30));

        completeTask("rob", health, HEALTHY, HttpStatus.OK);
        assertThat(sent.awaitCompleted(instance, CHECK_PROMISES_JOB_TYPE))
                .containsEntry(Vars.PROMISES_KEPT, true)
                .containsEntry(Vars.OWNER_USERNAME, "rob");
        Task proposal = awaitOpenTask(renewal, TASK_WRITE_PROPOSAL);
        assertThat(proposal.getDueAt()).isEqualTo(endOf(60));
        completeTask("rob", proposal, PROPOSAL, HttpStatus.OK);
        Task decision = awaitOpenTask(renewal, TASK_DECIDE);
        assertThat(decision.getDueAt()).isEqualTo(endOf(90));
        LocalDate next = LocalDate.now().plusDays(90 + 365);
        completeTask("rob", decision, renewedUntil(next), HttpStatus.OK);

        sent.awaitEnded(instance);
        assertThat(sent.passed(instance))
                .containsSubsequence(
                        TASK_REVIEW_HEALTH,
                        TASK_CHECK_PROMISES,
                        TASK_WRITE_PROPOSAL,
                        TASK_DECIDE,
                        TASK_APPLY_DECISION,
                        END_RENEWED)
                .doesNotContain(TASK_ESCALATE_HEALTH_REVIEW, TASK_ESCALATE_PROPOSAL, TASK_ESCALATE_DECISION);
        assertThat(accountView(account)).containsEntry("renewalDate", next.toString());
        var kept = renewals.findById(renewal).orElseThrow();
        assertThat(kept.getHealthSummary()).isEqualTo("Usage up 20%, sponsor happy");
        assertThat(kept.getProposal()).isEqualTo("Two more years, 5% up");
        assertThat(timeline(account))
                .contains(
                        "The customer renewed: the next renewal date is " + next,
                        "Renewal decided: renewed until " + next);
    }

    @Test
    void whileAPromiseIsOverdueTheProposalWaitsAndTheHealthReviewIsAskedAgainUntilItIsSettled() {
        long account = account("rob", 90);
        long promise = overduePromise(account);
        long renewal = openRenewal(account);
        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);
        long instance = health.getProcessInstanceKey();

        completeTask("rob", health, HEALTHY, HttpStatus.OK);
        assertThat(sent.awaitCompleted(instance, CHECK_PROMISES_JOB_TYPE)).containsEntry(Vars.PROMISES_KEPT, false);
        Task again = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);
        assertThat(again.getId()).isNotEqualTo(health.getId());
        assertThat(openTask(renewal, TASK_WRITE_PROPOSAL)).isNull();
        assertThat(timeline(account))
                .contains("The renewal waits for its promises before a proposal: 1 overdue, 0 broken");
        assertThat(taskPageSubject(again))
                .contains("promises to settle before a proposal can be made: 1 overdue, 0 broken");

        Map<?, ?> cancelled = as("rob")
                .postForObject(
                        "/api/commitments/" + promise + "/cancel",
                        Map.of("reason", "Customer dropped it", "version", version(promise)),
                        Map.class);
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        completeTask("rob", again, HEALTHY, HttpStatus.OK);
        assertThat(sent.awaitCompleted(instance, CHECK_PROMISES_JOB_TYPE, 2).get(1))
                .containsEntry(Vars.PROMISES_KEPT, true);
        awaitOpenTask(renewal, TASK_WRITE_PROPOSAL);
    }

    @Test
    void aPromiseBrokenWithinTheTermHoldsTheRenewalBack() {
        long account = account("rob", 90);
        long promise = promise(account, LocalDate.now());
        as("maria")
                .postForObject(
                        "/api/commitments/" + promise + "/breach",
                        Map.of("reason", "Missed the go-live", "version", version(promise)),
                        Map.class);
        long renewal = openRenewal(account);
        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);

        completeTask("rob", health, HEALTHY, HttpStatus.OK);
        assertThat(sent.awaitCompleted(health.getProcessInstanceKey(), CHECK_PROMISES_JOB_TYPE))
                .containsEntry(Vars.PROMISES_KEPT, false);
        assertThat(taskPageSubject(awaitOpenTask(renewal, TASK_REVIEW_HEALTH)))
                .contains("promises to settle before a proposal can be made: 0 overdue, 1 broken");
    }

    @Test
    void churnedMarksTheAccountChurnedOnItsRenewalDateWithTheReasonOnTheTimeline() {
        long account = account("rob", 90);
        long renewal = openRenewal(account);
        long instance = toDecision(renewal);

        completeTask(
                "rob",
                awaitOpenTask(renewal, TASK_DECIDE),
                Map.of("decision", "churned", "reason", "Moved to a competitor"),
                HttpStatus.OK);

        sent.awaitEnded(instance);
        assertThat(sent.passed(instance)).containsSubsequence(TASK_APPLY_DECISION, END_CHURNED);
        String renewalDate = LocalDate.now().plusDays(90).toString();
        assertThat(accountView(account))
                .containsEntry("churnedOn", renewalDate)
                .containsEntry("renewalDate", renewalDate);
        assertThat(timeline(account))
                .contains(
                        "Renewal decided: churned: Moved to a competitor",
                        "The customer did not renew: the account churned on " + renewalDate);
    }

    @Test
    void renegotiatingSendsTheRenewalBackToANewProposalBeforeTheNextDecision() {
        long account = account("rob", 90);
        long renewal = openRenewal(account);
        long instance = toDecision(renewal);

        completeTask(
                "rob",
                awaitOpenTask(renewal, TASK_DECIDE),
                Map.of("decision", "renegotiating", "reason", "Wants a three-year term"),
                HttpStatus.OK);
        Task newProposal = awaitOpenTask(renewal, TASK_WRITE_PROPOSAL);
        assertThat(accountView(account)).containsEntry("churnedOn", null);
        assertThat(timeline(account)).contains("Renewal decided: renegotiating: Wants a three-year term");
        completeTask("rob", newProposal, Map.of("proposal", "Three years, flat price"), HttpStatus.OK);
        LocalDate next = LocalDate.now().plusDays(90 + 3 * 365);
        completeTask("rob", awaitOpenTask(renewal, TASK_DECIDE), renewedUntil(next), HttpStatus.OK);

        sent.awaitEnded(instance);
        assertThat(sent.passed(instance))
                .containsSubsequence(
                        TASK_WRITE_PROPOSAL,
                        TASK_DECIDE,
                        TASK_APPLY_DECISION,
                        TASK_WRITE_PROPOSAL,
                        TASK_DECIDE,
                        TASK_APPLY_DECISION,
                        END_RENEWED);
        assertThat(renewals.findById(renewal).orElseThrow().getProposal()).isEqualTo("Three years, flat price");
        assertThat(accountView(account)).containsEntry("renewalDate", next.toString());
    }

    @Test
    void aHealthReviewPastItsDateGoesToTheOwnersManagerWhileTheOwnerKeepsIt() {
        long account = account("rob", 45); // opened late: the health review was due 15 days ago
        long renewal = openRenewal(account);
        Task chase = awaitOpenTask(renewal, TASK_CHASE_LATE_HEALTH_REVIEW);
        long instance = chase.getProcessInstanceKey();
        assertThat(chase.getAssignee()).isEqualTo("maria");
        assertThat(chase.getName()).isEqualTo("Chase late health review");
        assertThat(sent.awaitCompleted(instance, ESCALATE_JOB_TYPE)).containsEntry(Vars.ESCALATE_TO_USERNAME, "maria");
        Task health = openTask(renewal, TASK_REVIEW_HEALTH);
        assertThat(health.getAssignee()).isEqualTo("rob");
        assertThat(timeline(account)).contains("The renewal's health review was late and went to Maria Rossi");

        completeTask("maria", chase, Map.of("followUp", "Rob does it by Friday"), HttpStatus.OK);
        sent.awaitElementCompleted(instance, END_HEALTH_REVIEW_CHASED);
        assertThat(openTask(renewal, TASK_REVIEW_HEALTH))
                .as("the owner still has the stage")
                .isNotNull();
        completeTask("rob", health, HEALTHY, HttpStatus.OK);
        awaitOpenTask(renewal, TASK_WRITE_PROPOSAL);
        assertThat(sent.passed(instance))
                .containsSubsequence(
                        TIMER_HEALTH_REVIEW_LATE,
                        TASK_ESCALATE_HEALTH_REVIEW,
                        TASK_CHASE_LATE_HEALTH_REVIEW,
                        END_HEALTH_REVIEW_CHASED,
                        TASK_REVIEW_HEALTH,
                        END_HEALTH_REVIEW_DONE,
                        SUBPROCESS_HEALTH_REVIEW);
    }

    @Test
    void aLateStageOfAnOwnerWithoutManagerEndsThatBranchAndTheTimelineSaysSo() {
        long account = account("maria", 45);
        long renewal = openRenewal(account);
        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);
        long instance = health.getProcessInstanceKey();

        assertThat(sent.awaitCompleted(instance, ESCALATE_JOB_TYPE)).containsEntry(Vars.ESCALATE_TO_USERNAME, null);
        sent.awaitElementCompleted(instance, END_HEALTH_REVIEW_NOBODY_TO_ESCALATE_TO);
        assertThat(timeline(account))
                .contains("The renewal's health review was late; the owner has no manager to tell");
        assertThat(openTask(renewal, TASK_REVIEW_HEALTH)).isNotNull();
    }

    @Test
    void eachLateStageOfAnOwnerWithoutManagerEndsItsOwnBranch() {
        long account = account("maria", 90);
        long renewal = rowWithoutProcess(account);
        Instant past = Instant.now().minus(Duration.ofDays(1));
        long instance = startWithDates(renewal, account, "maria", past, past, past);

        sent.awaitElementCompleted(instance, END_HEALTH_REVIEW_NOBODY_TO_ESCALATE_TO);
        completeTask("maria", awaitOpenTask(renewal, TASK_REVIEW_HEALTH), HEALTHY, HttpStatus.OK);
        sent.awaitElementCompleted(instance, END_PROPOSAL_NOBODY_TO_ESCALATE_TO);
        completeTask("maria", awaitOpenTask(renewal, TASK_WRITE_PROPOSAL), PROPOSAL, HttpStatus.OK);
        sent.awaitElementCompleted(instance, END_DECISION_NOBODY_TO_ESCALATE_TO);
        LocalDate next = LocalDate.now().plusDays(90 + 365);
        completeTask("maria", awaitOpenTask(renewal, TASK_DECIDE), renewedUntil(next), HttpStatus.OK);

        sent.awaitEnded(instance);
        assertThat(sent.passed(instance))
                .containsSubsequence(END_HEALTH_REVIEW_NOBODY_TO_ESCALATE_TO, END_HEALTH_REVIEW_DONE)
                .containsSubsequence(END_PROPOSAL_NOBODY_TO_ESCALATE_TO, END_PROPOSAL_DONE)
                .containsSubsequence(END_DECISION_NOBODY_TO_ESCALATE_TO, END_DECISION_DONE, END_RENEWED)
                .doesNotContain(TASK_CHASE_LATE_HEALTH_REVIEW, TASK_CHASE_LATE_PROPOSAL, TASK_CHASE_LATE_DECISION);
    }

    @Test
    void eachStageWhoseDatePassedIsChasedByATaskNamingItThatEndsWhenTheStageIsDone() {
        long account = account("rob", 90);
        long renewal = rowWithoutProcess(account);
        Instant past = Instant.now().minus(Duration.ofDays(1));
        long instance = startWithDates(renewal, account, "rob", past, past, past);

        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);
        Task healthChase = awaitOpenTask(renewal, TASK_CHASE_LATE_HEALTH_REVIEW);
        completeTask("rob", health, HEALTHY, HttpStatus.OK);
        Task proposal = awaitOpenTask(renewal, TASK_WRITE_PROPOSAL);
        assertThat(awaitEnded(healthChase).getStatus())
                .as("the chase of a stage the owner completed ends with it")
                .isEqualTo(TaskStatus.CANCELED);
        Task proposalChase = awaitOpenTask(renewal, TASK_CHASE_LATE_PROPOSAL);
        completeTask("rob", proposal, PROPOSAL, HttpStatus.OK);
        Task decision = awaitOpenTask(renewal, TASK_DECIDE);
        assertThat(awaitEnded(proposalChase).getStatus()).isEqualTo(TaskStatus.CANCELED);
        Task decisionChase = awaitOpenTask(renewal, TASK_CHASE_LATE_DECISION);
        completeTask("maria", decisionChase, Map.of("followUp", "Decided Monday"), HttpStatus.OK);
        sent.awaitElementCompleted(instance, END_DECISION_CHASED);
        LocalDate next = LocalDate.now().plusDays(90 + 365);
        completeTask("rob", decision, renewedUntil(next), HttpStatus.OK);

        sent.awaitEnded(instance);
        assertThat(List.of(healthChase, proposalChase, decisionChase))
                .extracting(Task::getName, Task::getAssignee)
                .containsExactly(
                        tuple("Chase late health review", "maria"),
                        tuple("Chase late renewal proposal", "maria"),
                        tuple("Chase late renewal decision", "maria"));
        assertThat(sent.awaitCompleted(instance, ESCALATE_JOB_TYPE, 3))
                .allSatisfy(escalation -> assertThat(escalation).containsEntry(Vars.ESCALATE_TO_USERNAME, "maria"));
        assertThat(sent.passed(instance))
                .containsSubsequence(TASK_ESCALATE_HEALTH_REVIEW, END_HEALTH_REVIEW_DONE, SUBPROCESS_HEALTH_REVIEW)
                .containsSubsequence(TASK_ESCALATE_PROPOSAL, END_PROPOSAL_DONE, SUBPROCESS_PROPOSAL)
                .containsSubsequence(END_DECISION_CHASED, END_DECISION_DONE, SUBPROCESS_DECISION, END_RENEWED)
                .doesNotContain(END_HEALTH_REVIEW_CHASED, END_PROPOSAL_CHASED);
        assertThat(timeline(account))
                .contains(
                        "The renewal's health review was late and went to Maria Rossi",
                        "The renewal's proposal was late and went to Maria Rossi",
                        "The renewal's decision was late and went to Maria Rossi");
    }

    @Test
    void aDecisionTheRulesRefuseThatCameAroundTheInboxIsAnIncidentNamingTheInput() {
        long account = account("rob", 90);
        long renewal = openRenewal(account);
        long instance = toDecision(renewal);
        Task decision = awaitOpenTask(renewal, TASK_DECIDE);

        // another client completes the step with a renewal but no next date, which the inbox refuses
        camunda.newCompleteCommand(decision.getJobKey())
                .variables(Map.of(Vars.DECISION, "renewed"))
                .send()
                .join();

        assertThat(sent.awaitIncident(instance))
                .contains("renewal decision refused")
                .contains("nextRenewalDate");
        assertThat(accountView(account))
                .containsEntry("renewalDate", LocalDate.now().plusDays(90).toString());
    }

    /** Health review and proposal done with promises kept; returns the process instance. */
    private long toDecision(long renewal) {
        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);
        completeTask("rob", health, HEALTHY, HttpStatus.OK);
        completeTask("rob", awaitOpenTask(renewal, TASK_WRITE_PROPOSAL), PROPOSAL, HttpStatus.OK);
        awaitOpenTask(renewal, TASK_DECIDE);
        return health.getProcessInstanceKey();
    }

    /** The renewal's row as the daily run opens it, without the after-commit start: the test starts it. */
    private long rowWithoutProcess(long account) {
        LocalDate date = LocalDate.now().plusDays(90);
        transaction.executeWithoutResult(t -> renewals.open(account, date, Instant.now()));
        return renewals.findByAccountIdAndRenewalDate(account, date)
                .orElseThrow()
                .getId();
    }

    private long startWithDates(
            long renewal, long account, String owner, Instant health, Instant proposal, Instant decision) {
        Map<String, Object> v = new HashMap<>();
        v.put(Vars.RENEWAL_ID, renewal);
        v.put(Bpmn.Variables.ACCOUNT_ID, account);
        v.put(Vars.OWNER_USERNAME, owner);
        v.put(Vars.HEALTH_REVIEW_DUE_AT, health.toString());
        v.put(Vars.PROPOSAL_DUE_AT, proposal.toString());
        v.put(Vars.DECISION_DUE_AT, decision.toString());
        camunda.newPublishMessageCommand()
                .messageName(MESSAGE_OPENED)
                .correlationKey("test-" + UUID.randomUUID())
                .timeToLive(Duration.ZERO)
                .variables(v)
                .send()
                .join();
        return awaitOpenTask(renewal, TASK_REVIEW_HEALTH).getProcessInstanceKey();
    }

    private static Map<String, Object> renewedUntil(LocalDate next) {
        return Map.of("decision", "renewed", "nextRenewalDate", next.toString());
    }

    /** The task once the inbox has closed it (the other open steps are checked after a completion). */
    private Task awaitEnded(Task task) {
        return await().atMost(WAIT)
                .until(() -> tasks.findById(task.getId()).orElseThrow(), t -> t.getStatus() != TaskStatus.OPEN);
    }

    private long overduePromise(long account) {
        long promise = promise(account, LocalDate.now());
        jdbc.update("update commitment set due_date = current_date - 3 where id = ?", promise);
        return promise;
    }

    private long promise(long account, LocalDate due) {
        return promise("rob", account, "SSO guide", "rob", due);
    }

    private long version(long promise) {
        return ((Number) as("rob")
                        .getForObject("/api/commitments/" + promise, Map.class)
                        .get("version"))
                .longValue();
    }

    /** The subject line of the task's page (GET /api/tasks/{id}). */
    @SuppressWarnings("unchecked")
    private String taskPageSubject(Task task) {
        Map<String, Object> page = as("rob").getForObject("/api/tasks/" + task.getId(), Map.class);
        return String.valueOf(((Map<String, Object>) page.get("subject")).get("title"));
    }

    /** The end of the day {@code days} from today, in the owner's zone (the company's: UTC here). */
    private static Instant endOf(int days) {
        return LocalDate.now()
                .plusDays(days + 1)
                .atStartOfDay(java.time.ZoneId.systemDefault())
                .toInstant();
    }
}
