package dev.baton.commitment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentImports;
import dev.baton.commitment.CommitmentImports.ImportedCommitment;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.Commitments;
import dev.baton.engine.Bpmn;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.Teams;
import dev.baton.shared.EventResubmission;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic sweep in the running app, called directly (its schedule is off in tests) and scoped to
 * this test's own account, as the database is shared with the demo book and the other tests.
 */
class CommitmentSweepIntegrationTests extends EngineIntegrationTest {

    @Autowired
    CommitmentProcessStarter starter;

    @MockitoSpyBean
    CommitmentMessages messages;

    @Autowired
    CommitmentService commitmentService;

    @Autowired
    EventResubmission resubmission;

    @Autowired
    Commitments commitments;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommitmentImports imports;

    @Autowired
    TransactionTemplate tx;

    String run;
    Person owner;
    Team team;
    Account account;

    @BeforeEach
    void ownData() {
        run = UUID.randomUUID().toString().substring(0, 8);
        owner = people.save(
                new Person("sweep-" + run, "Sweep Owner", "sweep-" + run + "@example.com", "x", Set.of(Role.CS)));
        team = teams.save(new Team("sweep-team-" + run, "Sweep team"));
        // the team has someone to take what it is offered: a step offered only to a team with no active member
        // goes to the admins' unassigned work instead (session 46's probe)
        Person member = new Person(
                "sweep-member-" + run, "Sweep Member", "sweep-member-" + run + "@example.com", "x", Set.of(Role.CS));
        member.joinTeam(team);
        people.save(member);
        account = accounts.save(
                new Account("Sweep " + run, people.findByUsername("rob").orElseThrow(), null, null, null));
    }

    @Test
    void sweepStartsOneProcessForAnOpenCommitmentThatHasNoneAndNoMoreWhenItRunsAgain() throws Exception {
        long id = recordedWithoutEvent(false);

        starter.sweep(account.getId());
        Task accept = awaitOpenTask(id, CommitmentBpmn.TASK_ACCEPT);
        starter.sweep(account.getId());
        engine.waitForIdleState(WAIT);

        assertThat(instancesFollowing(id)).containsExactly(accept.getProcessInstanceKey());
        assertThat(commitments.findById(id).orElseThrow().getProcessInstanceKey())
                .isEqualTo(accept.getProcessInstanceKey());
        assertThat(tasksOf(id, CommitmentBpmn.TASK_ACCEPT)).hasSize(1);
    }

    @Test
    void sweepSendsAnAcceptedCommitmentWhoseOwnerLeftToItsTeamOnceEvenWhenItRunsAgain() throws Exception {
        long id = recordedWithoutEvent(true);
        starter.sweep(account.getId());
        awaitOpenTask(id, CommitmentBpmn.TASK_DELIVER);

        owner.deactivate(); // at the database level: no event tells the process
        people.save(owner);
        starter.sweep(account.getId());
        Task assign = awaitOpenTask(id, CommitmentBpmn.TASK_ASSIGN_OWNER);
        starter.sweep(account.getId());
        engine.waitForIdleState(WAIT);

        assertThat(assign.getCandidateGroups()).containsExactly(team.getKey());
        assertThat(instancesFollowing(id)).containsExactly(assign.getProcessInstanceKey());
        assertThat(activations(assign.getProcessInstanceKey(), CommitmentBpmn.TASK_ASSIGN_OWNER))
                .isEqualTo(1);
        assertThat(tasksOf(id, CommitmentBpmn.TASK_ASSIGN_OWNER)).hasSize(1);
    }

    @Test
    void aChangeWhoseMessageIsLostAfterTheCommitReachesTheWaitingStepThroughTheEventRegistry() throws Exception {
        long id = recordedWithoutEvent(false);
        starter.sweep(account.getId());
        Task ownersAccept = awaitOpenTask(id, CommitmentBpmn.TASK_ACCEPT);
        Person other = people.save(
                new Person("sweep2-" + run, "Sweep Other", "sweep2-" + run + "@example.com", "x", Set.of(Role.CS)));
        // the reassignment commits, then its message to the process is lost (the app stops, the engine is down)
        doThrow(new IllegalStateException("engine unreachable"))
                .doCallRealMethod()
                .when(messages)
                .changed(any());
        commitmentService.reassign(
                id, other.getId(), commitments.findById(id).orElseThrow().getVersion());
        assertThat(changesOwed(id))
                .as("the registry keeps the undelivered change")
                .isEqualTo(1);
        assertThat(tasks.findById(ownersAccept.getId()).orElseThrow().getStatus())
                .isEqualTo(TaskStatus.OPEN);

        resubmission.resubmit(Duration.ZERO);
        resubmission.resubmit(Duration.ZERO); // delivered once: a second run finds nothing owed

        Task othersAccept = await().atMost(WAIT)
                .until(
                        () -> tasksOf(id, CommitmentBpmn.TASK_ACCEPT).stream()
                                .filter(t -> t.getStatus() == TaskStatus.OPEN
                                        && other.getUsername().equals(t.getAssignee()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        assertThat(othersAccept.getProcessInstanceKey()).isEqualTo(ownersAccept.getProcessInstanceKey());
        await().atMost(WAIT)
                .until(() -> tasks.findById(ownersAccept.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED);
        assertThat(changesOwed(id)).isZero();
        verify(messages, times(2)).changed(any());
        assertThat(tasksOf(id, CommitmentBpmn.TASK_ACCEPT).stream().filter(t -> t.getStatus() == TaskStatus.OPEN))
                .as("one waiting step, the new owner's")
                .hasSize(1);
    }

    @Test
    void aReImportThatMovesTheOwnerAndTheDueDateReachesTheWaitingStep() throws Exception {
        long id = recordedWithoutEvent(true);
        jdbc.update("update commitment set external_source = 'BATON', external_id = ? where id = ?", "ext-" + run, id);
        starter.sweep(account.getId());
        Task ownersDeliver = awaitOpenTask(id, CommitmentBpmn.TASK_DELIVER);
        Person other = people.save(
                new Person("sweep3-" + run, "Sweep Third", "sweep3-" + run + "@example.com", "x", Set.of(Role.CS)));
        LocalDate sooner = LocalDate.now().plusDays(10);

        // the CRM file's row again, with another owner and an earlier due date (what an import writes)
        Runnable reImport = () -> tx.executeWithoutResult(s -> imports.upsert(
                "BATON",
                List.of(new ImportedCommitment(
                        "ext-" + run,
                        account.getId(),
                        null,
                        "Sweep " + run,
                        owner.getId(),
                        other.getId(),
                        team.getId(),
                        sooner,
                        CommitmentStatus.ACCEPTED,
                        null)),
                imports.existing("BATON", List.of("ext-" + run))));
        reImport.run();

        Task othersDeliver = await().atMost(WAIT)
                .until(
                        () -> tasksOf(id, CommitmentBpmn.TASK_DELIVER).stream()
                                .filter(t -> t.getStatus() == TaskStatus.OPEN
                                        && other.getUsername().equals(t.getAssignee()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        assertThat(othersDeliver.getDueAt())
                .as("the due-date timer and the step's due date follow the imported date")
                .isBefore(ownersDeliver.getDueAt());
        assertThat(othersDeliver.getDueAt())
                .as("on the imported day, in whichever zone it is judged")
                .isBetween(
                        sooner.atStartOfDay(ZoneOffset.MAX).toInstant(),
                        sooner.plusDays(1).atStartOfDay(ZoneOffset.MIN).toInstant());
        await().atMost(WAIT)
                .until(() -> tasks.findById(ownersDeliver.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED);
        assertThat(othersDeliver.getProcessInstanceKey()).isEqualTo(ownersDeliver.getProcessInstanceKey());

        // the same row again changes nothing, and tells the process nothing
        reImport.run();
        engine.waitForIdleState(WAIT);
        verify(messages, times(1)).changed(any());
    }

    /**
     * What an import's notice says of a re-import giving an accepted commitment only another delivering team
     * (ImportReportWordsIntegrationTests): when that team's reminder days ({@code test-week-ahead}: 7, the tests'
     * configuration) bring the reminder time into the past, where with its team it was still to come, the process,
     * told of the change, arms the reminder timer at the passed time, which fires at once: the owner is mailed the
     * "due soon" reminder.
     */
    @Test
    void aReImportGivingAnAcceptedCommitmentATeamThatRemindsEarlierRemindsItsOwnerAtOnce() throws Exception {
        long id = recordedWithoutEvent(true);
        LocalDate inFive = LocalDate.now().plusDays(5);
        jdbc.update(
                "update commitment set external_source = 'BATON', external_id = ?, due_date = ? where id = ?",
                "ext-" + run,
                inFive,
                id);
        starter.sweep(account.getId());
        awaitOpenTask(id, CommitmentBpmn.TASK_DELIVER);
        engine.waitForIdleState(WAIT);
        assertThat(reminders(id))
                .as("3 days before, its reminder time is to come")
                .isEmpty();
        Team weekAhead = teams.findByKey("test-week-ahead")
                .orElseGet(() -> teams.save(new Team("test-week-ahead", "Week ahead")));

        tx.executeWithoutResult(s -> imports.upsert(
                "BATON",
                List.of(new ImportedCommitment(
                        "ext-" + run,
                        account.getId(),
                        null,
                        "Sweep " + run,
                        owner.getId(),
                        owner.getId(),
                        weekAhead.getId(),
                        inFive,
                        CommitmentStatus.ACCEPTED,
                        null)),
                imports.existing("BATON", List.of("ext-" + run))));

        await().atMost(WAIT).until(() -> !reminders(id).isEmpty());
        assertThat(reminders(id)).containsExactly(owner.getEmail());
    }

    /** The addresses of the "due soon" reminders queued for the commitment. */
    private List<String> reminders(long commitmentId) {
        return jdbc.queryForList(
                "select to_address from outbox_message where dedup_key like ?",
                String.class,
                "commitment-reminder:" + commitmentId + ":%");
    }

    @Test
    void sweepGivesARejectedCommitmentWithoutProcessItsRenegotiateStepWithTheMaker() throws Exception {
        long id = rejectedWithoutEvent();

        starter.sweep(account.getId());
        Task renegotiate = awaitOpenTask(id, CommitmentBpmn.TASK_RENEGOTIATE);

        assertThat(renegotiate.getAssignee()).isEqualTo(owner.getUsername());
        assertThat(instancesFollowing(id)).containsExactly(renegotiate.getProcessInstanceKey());
    }

    @Test
    void sweepSendsARejectedCommitmentWhoseOwnerLeftToItsTeamBeforeRenegotiation() throws Exception {
        long id = rejectedWithoutEvent();
        starter.sweep(account.getId());
        Task renegotiate = awaitOpenTask(id, CommitmentBpmn.TASK_RENEGOTIATE);

        owner.deactivate(); // at the database level: no event tells the process
        people.save(owner);
        starter.sweep(account.getId());
        Task assign = awaitOpenTask(id, CommitmentBpmn.TASK_ASSIGN_OWNER);

        assertThat(assign.getCandidateGroups()).containsExactly(team.getKey());
        await().atMost(WAIT)
                .until(() -> tasks.findById(renegotiate.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED);
    }

    private long rejectedWithoutEvent() {
        long id = recordedWithoutEvent(false);
        Commitment c = commitments.findById(id).orElseThrow();
        c.reject("delivery cannot staff it this quarter");
        commitments.save(c);
        return id;
    }

    private long changesOwed(long commitmentId) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null"
                        + " and event_type like '%CommitmentEvents$Changed' and serialized_event like ?",
                Long.class, "%\"commitmentId\":" + commitmentId + ",%");
    }

    /** Saved through the repository, so no start event; recorded over a minute ago, as the sweep asks. */
    private long recordedWithoutEvent(boolean accepted) {
        Commitment c = new Commitment(
                account,
                null,
                "Sweep " + run,
                owner,
                owner,
                team,
                LocalDate.now().plusDays(30));
        if (accepted) {
            c.accept();
        }
        long id = commitments.save(c).getId();
        jdbc.update("update commitment set created_at = created_at - interval '2 minutes' where id = ?", id);
        return id;
    }

    private Task awaitOpenTask(long commitmentId, String elementId) {
        return await().atMost(WAIT)
                .until(
                        () -> tasksOf(commitmentId, elementId).stream()
                                .filter(t -> t.getStatus() == TaskStatus.OPEN)
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    private List<Task> tasksOf(long commitmentId, String elementId) {
        return tasks.findAll().stream()
                .filter(t -> new TaskSubject("commitment", commitmentId).equals(t.getSubject())
                        && t.getElementId().equals(elementId))
                .toList();
    }

    /** How often the engine entered that element in the instance (the task rows follow asynchronously). */
    private long activations(long instance, String elementId) {
        return StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
                .filter(r -> r.getValue().getProcessInstanceKey() == instance
                        && r.getValue().getElementId().equals(elementId)
                        && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .count();
    }

    /** The process instances whose commitmentId variable is this commitment. */
    private List<Long> instancesFollowing(long commitmentId) {
        return StreamSupport.stream(records().variableRecords().spliterator(), false)
                .filter(r -> r.getValue().getName().equals(Bpmn.Variables.COMMITMENT_ID)
                        && r.getValue().getValue().equals(String.valueOf(commitmentId)))
                .map(r -> r.getValue().getProcessInstanceKey())
                .distinct()
                .toList();
    }
}
