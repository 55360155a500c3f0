package dev.baton.handover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.NewCommitment;
import dev.baton.handover.engine.HandoverBpmn.Account;
import dev.baton.handover.engine.HandoverBpmn.Jobs;
import dev.baton.handover.engine.HandoverBpmn.Vars;
import dev.baton.task.Task;
import io.camunda.client.CamundaClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * account-handover.bpmn with the real workers: ids and usernames for assignment in, ids and decisions
 * out; the note stays in PostgreSQL; an unusable successor is the BPMN error the model catches.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class AccountHandoverWorkerProcessTests extends HandoverWorkerProcessTest {

    @Autowired
    CamundaClient camunda;

    @Autowired
    CommitmentService commitments;

    @Test
    void theWorkersPrepareTransferIntroduceAndRecordTheCallWithOnlyIdsUsernamesAndDatesInVariables() {
        long id = launch(successor);
        long instance = handOverTheAccount();

        Map<String, Object> prepared = sent.awaitCompleted(instance, Jobs.PREPARE);
        assertThat(prepared)
                .containsOnlyKeys(
                        Vars.ACCOUNT_ID,
                        Vars.HANDOVER_ID,
                        Vars.DEPARTING,
                        Vars.NOTE_AUTHOR,
                        Vars.MANAGER,
                        Vars.SUCCESSOR,
                        Vars.NOTE_DUE_AT,
                        Vars.INTRO_OPT_OUT)
                .containsEntry(Vars.DEPARTING, departing.getUsername())
                .containsEntry(Vars.NOTE_AUTHOR, departing.getUsername())
                .containsEntry(Vars.MANAGER, "maria")
                .containsEntry(Vars.SUCCESSOR, successor.getUsername())
                .containsEntry(Vars.INTRO_OPT_OUT, false);
        assertThat(((Number) prepared.get(Vars.ACCOUNT_ID)).longValue()).isEqualTo(account.getId());
        assertThat(((Number) prepared.get(Vars.HANDOVER_ID)).longValue()).isEqualTo(id);
        assertThat(Instant.parse((String) prepared.get(Vars.NOTE_DUE_AT))).isAfter(Instant.now());
        assertThat(sent.awaitCompleted(instance, Jobs.SAVE_NOTE))
                .as("the note is not a variable")
                .isEmpty();
        assertThat(sent.awaitCompleted(instance, Jobs.TRANSFER))
                .as("the successor the account went to: the acknowledgement is assigned from it")
                .containsExactly(java.util.Map.entry(Vars.SUCCESSOR, successor.getUsername()));
        Map<String, Object> acknowledged = sent.awaitCompleted(instance, Jobs.RECORD_ACKNOWLEDGEMENT);
        assertThat(acknowledged)
                .containsOnlyKeys(Vars.QUESTION_OPEN, Vars.INTRO_CALL_DUE_AT, Vars.INTRO_REMINDER_AT)
                .containsEntry(Vars.QUESTION_OPEN, false);
        assertThat(Instant.parse((String) acknowledged.get(Vars.INTRO_REMINDER_AT)))
                .isBefore(Instant.parse((String) acknowledged.get(Vars.INTRO_CALL_DUE_AT)));
        assertThat(sent.awaitCompleted(instance, Jobs.SEND_INTRO)).isEmpty();
        assertThat(sent.awaitCompleted(instance, Jobs.RECORD_CALL)).isEmpty();

        sent.awaitEnded(instance);
        assertThat(sent.passed(instance))
                .containsSubsequence(
                        Account.TASK_PREPARE,
                        Account.TASK_WRITE_NOTE,
                        Account.TASK_SAVE_NOTE,
                        Account.TASK_TRANSFER,
                        Account.TASK_ACKNOWLEDGE,
                        Account.TASK_RECORD_ACKNOWLEDGEMENT,
                        Account.TASK_SEND_INTRO,
                        Account.TASK_INTRO_CALL,
                        Account.TASK_RECORD_CALL,
                        Account.END);
        assertThat(jdbc.queryForMap(
                        "select a.owner_id, i.step, i.note_by, i.note->>'keyContacts' as contacts,"
                                + " i.intro_sent_at is not null as introduced from handover_item i join account a on a.id = i.account_id"
                                + " where i.handover_id = ?",
                        id))
                .containsEntry("owner_id", successor.getId())
                .containsEntry("step", "DONE")
                .containsEntry("note_by", departing.getUsername())
                .containsEntry("contacts", NOTE.get("keyContacts"))
                .containsEntry("introduced", true);
    }

    @Test
    void theTransferMovesTheAccountAndItsCommitmentsInTheLaunchingManagersName() {
        long commitmentId = commitments
                .create(
                        new NewCommitment(
                                account.getId(),
                                null,
                                "Training",
                                departing.getId(),
                                null,
                                LocalDate.now().plusDays(20)),
                        departing.getUsername())
                .id();
        launch(successor);
        long instance = complete(departing, Account.TASK_WRITE_NOTE, NOTE);

        sent.awaitCompleted(instance, Jobs.TRANSFER);

        assertThat(jdbc.queryForList(
                        "select action || ' by ' || actor from audit_event where account_id = ? and action in"
                                + " ('account.transferred', 'commitment.reassigned', 'handover.ownership-transferred')"
                                + " order by id",
                        String.class,
                        account.getId()))
                .containsExactly(
                        "account.transferred by maria",
                        "commitment.reassigned by maria",
                        "handover.ownership-transferred by maria");
        assertThat(jdbc.queryForObject(
                        "select p.username from commitment c join person p on p.id = c.owner_id where c.id = ?",
                        String.class,
                        commitmentId))
                .isEqualTo(successor.getUsername());
    }

    @Test
    void aQuestionItsAnswerAndTheCallSummaryAreKeptInPostgresqlAndNeverBecomeProcessVariables() {
        long id = launch(successor);
        long instance = complete(departing, Account.TASK_WRITE_NOTE, NOTE);
        String question = "Who signs the renewal at Brauhaus Nord?";
        String answer = "Frau Albers, the CFO, since March.";
        String summary = "Call went well; renewal talk in May.";

        complete(successor, Account.TASK_ACKNOWLEDGE, Map.of("acknowledgement", "ask", "question", question));
        assertThat(sent.awaitCompleted(instance, Jobs.RECORD_ACKNOWLEDGEMENT))
                .isEqualTo(Map.of(Vars.QUESTION_OPEN, true));
        complete(departing, Account.TASK_ANSWER_QUESTION, Map.of("answer", answer));
        assertThat(sent.awaitCompleted(instance, Jobs.SAVE_ANSWER)).isEmpty();
        complete(successor, Account.TASK_ACKNOWLEDGE, Map.of("acknowledgement", "acknowledge"));
        complete(successor, Account.TASK_INTRO_CALL, Map.of("callSummary", summary));
        sent.awaitEnded(instance);

        assertThat(sent.variableValues(instance))
                .as("what people wrote stays out of the engine")
                .noneMatch(v -> v.contains("Brauhaus") || v.contains("Albers") || v.contains("renewal talk"))
                .anyMatch(v -> v.startsWith("acknowledgement="));
        assertThat(jdbc.queryForMap("select question, answer, step from handover_item where handover_id = ?", id))
                .containsEntry("question", question)
                .containsEntry("answer", answer)
                .containsEntry("step", "DONE");
        assertThat(jdbc.queryForList(
                        "select action, after_state::text as after from audit_event where account_id = ?"
                                + " and action in ('handover.question-asked', 'handover.question-answered',"
                                + " 'handover.intro-call-held') order by id",
                        account.getId()))
                .extracting(row -> row.get("action") + " " + row.get("after"))
                .satisfiesExactly(
                        asked -> assertThat(asked).contains("question-asked", question, successor.getUsername()),
                        answered -> assertThat(answered).contains("question-answered", answer),
                        held -> assertThat(held).contains("intro-call-held", summary));
    }

    @Test
    void aSuccessorCompletedAroundTheInboxThatTheRulesRefuseIsABpmnErrorAndTheManagerIsAskedAgain() {
        long id = launch(null);
        Task choose = awaitOpenTask(maria(), Account.TASK_CHOOSE_SUCCESSOR);
        long instance = choose.getProcessInstanceKey();
        assertThat(sent.awaitCompleted(instance, Jobs.PREPARE)).containsEntry(Vars.SUCCESSOR, null);

        // another client answers the step with the departing rep, whom the inbox would refuse as a successor
        camunda.newCompleteCommand(choose.getJobKey())
                .variables(Map.of(Vars.SUCCESSOR, departing.getUsername()))
                .send()
                .join();

        assertThat(sent.awaitErrorsThrown(instance, Jobs.RECORD_SUCCESSOR))
                .containsExactly(HandoverBpmn.INVALID_SUCCESSOR_ERROR);
        Task again = await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getProcessInstanceKey() == instance
                                        && Account.TASK_CHOOSE_SUCCESSOR.equals(t.getElementId())
                                        && !t.getId().equals(choose.getId()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        assertThat(again.getAssignee()).isEqualTo("maria");
        assertThat(jdbc.queryForObject("select successor_id from handover_item where handover_id = ?", Long.class, id))
                .isNull();

        ResponseEntity<Map> chosen = as("maria")
                .postForEntity(
                        "/api/tasks/" + again.getId() + "/complete",
                        Map.of(Vars.SUCCESSOR, successor.getUsername()),
                        Map.class);
        assertThat(chosen.getStatusCode()).as("%s", chosen.getBody()).isEqualTo(HttpStatus.OK);

        assertThat(sent.awaitCompleted(instance, Jobs.RECORD_SUCCESSOR))
                .isEqualTo(Map.of(Vars.SUCCESSOR, successor.getUsername()));
        awaitOpenTask(departing, Account.TASK_WRITE_NOTE);
        assertThat(sent.passed(instance)).contains(Account.BOUNDARY_INVALID_SUCCESSOR);
        assertThat(jdbc.queryForObject("select successor_id from handover_item where handover_id = ?", Long.class, id))
                .isEqualTo(successor.getId());
    }

    private dev.baton.people.Person maria() {
        return people.findByUsername("maria").orElseThrow();
    }
}
