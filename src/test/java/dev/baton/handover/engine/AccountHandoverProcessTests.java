package dev.baton.handover.engine;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.InMemoryEngineTest;
import dev.baton.engine.JobDriver;
import dev.baton.engine.UserTaskHeaders;
import dev.baton.handover.engine.HandoverBpmn.Account;
import dev.baton.handover.engine.HandoverBpmn.Jobs;
import dev.baton.handover.engine.HandoverBpmn.Vars;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** account-handover on the in-memory engine; the test plays the workers and the people. */
@InMemoryEngineTest
@SuppressWarnings("deprecation") // ZPT's assertions take the deprecated zeebe client types (see STACK.md)
class AccountHandoverProcessTests {

    ZeebeTestEngine engine;
    ZeebeClient client;
    JobDriver jobs;
    Instant now;

    @BeforeEach
    void deploy() {
        jobs = new JobDriver(engine, client);
        jobs.deploy(
                "bpmn/account-handover.bpmn",
                "bpmn/forms/handover-note.form",
                "bpmn/forms/handover-acknowledge.form",
                "bpmn/forms/handover-answer.form",
                "bpmn/forms/handover-choose-successor.form",
                "bpmn/forms/handover-intro-call.form");
        now = Instant.now(); // each test gets a fresh engine, whose clock starts at the real time
    }

    @Test
    void walksAPlannedAccountFromNoteToIntroductionCall() throws Exception {
        ProcessInstanceEvent instance = startPrepared("rob", false);

        ActivatedJob note = jobs.userTask(Account.TASK_WRITE_NOTE);
        assertThat(note.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rita")
                .containsEntry(UserTaskHeaders.FORM_KEY, "handover-note")
                .as("one mail for all the notes (HandoverMails#notesDue)")
                .containsEntry(UserTaskHeaders.OWN_ASSIGNMENT_MAIL, "true");
        client.newCompleteCommand(note)
                .variables(Map.of("relationshipSummary", "Loyal since 2019"))
                .send()
                .join();
        ActivatedJob save = jobs.take(Jobs.SAVE_NOTE);
        assertThat(save.getVariablesAsMap())
                .containsEntry(Vars.NOTE_AUTHOR, "rita")
                .containsEntry("relationshipSummary", "Loyal since 2019");
        client.newCompleteCommand(save).send().join();
        jobs.complete(Jobs.TRANSFER, Map.of());
        acknowledge();
        jobs.complete(Jobs.SEND_INTRO, Map.of());
        ActivatedJob call = jobs.userTask(Account.TASK_INTRO_CALL);
        assertThat(call.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rob")
                .as("the successor was told of the account once (HandoverMails#takingOver)")
                .containsEntry(UserTaskHeaders.OWN_ASSIGNMENT_MAIL, "true");
        client.newCompleteCommand(call)
                .variables(Map.of("callSummary", "Went well"))
                .send()
                .join();
        jobs.complete(Jobs.RECORD_CALL, Map.of());
        engine.waitForIdleState(JobDriver.IDLE);

        assertThat(instance)
                .hasPassedElementsInOrder(
                        Account.TASK_PREPARE,
                        Account.TASK_WRITE_NOTE,
                        Account.TASK_SAVE_NOTE,
                        Account.TASK_TRANSFER,
                        Account.TASK_ACKNOWLEDGE,
                        Account.TASK_RECORD_ACKNOWLEDGEMENT,
                        Account.TASK_SEND_INTRO,
                        Account.TASK_INTRO_CALL,
                        Account.TASK_RECORD_CALL,
                        Account.END)
                .hasNotPassedElement(Account.TASK_CHOOSE_SUCCESSOR)
                .isCompleted();
    }

    @Test
    void asksTheManagerForASuccessorUntilTheChoiceIsUsable() throws Exception {
        ProcessInstanceEvent instance = startPrepared(null, false);

        ActivatedJob choose = jobs.userTask(Account.TASK_CHOOSE_SUCCESSOR);
        assertThat(choose.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "maria")
                .as("one mail for all the choices (HandoverMails#successorsToChoose)")
                .containsEntry(UserTaskHeaders.OWN_ASSIGNMENT_MAIL, "true");
        client.newCompleteCommand(choose)
                .variables(Map.of(Vars.SUCCESSOR, "rita"))
                .send()
                .join();
        ActivatedJob record = jobs.take(Jobs.RECORD_SUCCESSOR);
        client.newThrowErrorCommand(record)
                .errorCode(HandoverBpmn.INVALID_SUCCESSOR_ERROR)
                .errorMessage("is leaving")
                .send()
                .join();
        jobs.completeUserTask(Account.TASK_CHOOSE_SUCCESSOR, Map.of(Vars.SUCCESSOR, "rob"));
        jobs.complete(Jobs.RECORD_SUCCESSOR, Map.of(Vars.SUCCESSOR, "rob"));

        jobs.userTask(Account.TASK_WRITE_NOTE);
        assertThat(instance)
                .hasPassedElement(Account.BOUNDARY_INVALID_SUCCESSOR)
                .hasVariableWithValue(Vars.SUCCESSOR, "rob")
                .isWaitingAtElements(Account.TASK_WRITE_NOTE);
    }

    @Test
    void reroutesAnUnwrittenNoteToTheManagerAtTheEffectiveDate() throws Exception {
        ProcessInstanceEvent instance = startPrepared("rob", false);
        jobs.userTask(Account.TASK_WRITE_NOTE);

        jobs.passTime(Duration.ofDays(3));

        ActivatedJob missing = jobs.userTask(Account.TASK_WRITE_MISSING_NOTE);
        assertThat(missing.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "maria")
                .containsEntry(UserTaskHeaders.FORM_KEY, "handover-note");
        client.newCompleteCommand(missing)
                .variables(Map.of("relationshipSummary", "From the CRM"))
                .send()
                .join();
        assertThat(jobs.take(Jobs.SAVE_NOTE).getVariablesAsMap())
                .containsEntry(Vars.NOTE_AUTHOR, "maria")
                .containsEntry("relationshipSummary", "From the CRM");
        assertThat(instance).hasPassedElement(Account.TIMER_EFFECTIVE_DATE);
    }

    @Test
    void loopsThroughTheDepartingPersonWhileTheSuccessorHasQuestions() throws Exception {
        ProcessInstanceEvent instance = toAcknowledgement(false);
        ActivatedJob asked = jobs.completeUserTask(
                Account.TASK_ACKNOWLEDGE, Map.of(Vars.ACKNOWLEDGEMENT, "ask", Vars.QUESTION, "Who signs?"));
        assertThat(asked.getCustomHeaders())
                .as("the successor was told of the account once (HandoverMails#takingOver)")
                .containsEntry(UserTaskHeaders.OWN_ASSIGNMENT_MAIL, "true");
        jobs.complete(Jobs.RECORD_ACKNOWLEDGEMENT, Map.of(Vars.QUESTION_OPEN, true));

        ActivatedJob answer = jobs.userTask(Account.TASK_ANSWER_QUESTION);
        assertThat(answer.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rita")
                .as("the departing person gets a mail per question")
                .doesNotContainKey(UserTaskHeaders.OWN_ASSIGNMENT_MAIL);
        client.newCompleteCommand(answer)
                .variables(Map.of(Vars.ANSWER, "The CFO"))
                .send()
                .join();
        ActivatedJob save = jobs.take(Jobs.SAVE_ANSWER);
        assertThat(save.getVariablesAsMap()).containsEntry(Vars.ANSWER, "The CFO");
        client.newCompleteCommand(save).send().join();

        acknowledge();
        jobs.take(Jobs.SEND_INTRO);
        assertThat(instance).hasPassedElement(Account.TASK_SAVE_ANSWER);
    }

    @Test
    void returnsToTheSuccessorWhenTheDepartingPersonLeavesBeforeAnswering() throws Exception {
        ProcessInstanceEvent instance = toAcknowledgement(false);
        jobs.completeUserTask(
                Account.TASK_ACKNOWLEDGE, Map.of(Vars.ACKNOWLEDGEMENT, "ask", Vars.QUESTION, "Who signs?"));
        jobs.complete(Jobs.RECORD_ACKNOWLEDGEMENT, Map.of(Vars.QUESTION_OPEN, true));
        jobs.userTask(Account.TASK_ANSWER_QUESTION);

        jobs.passTime(Duration.ofDays(3));
        // the successor is told why the account came back: the step itself mails nobody
        jobs.complete(Jobs.QUESTION_UNANSWERED, Map.of());

        jobs.userTask(Account.TASK_ACKNOWLEDGE);
        assertThat(instance)
                .hasPassedElement(Account.TIMER_DEPARTING_LEFT)
                .hasPassedElement(Account.TASK_TELL_QUESTION_UNANSWERED)
                .hasNotPassedElement(Account.TASK_SAVE_ANSWER);
    }

    @Test
    void skipsTheIntroductionMailWhenTheAccountOptedOut() throws Exception {
        ProcessInstanceEvent instance = toAcknowledgement(true);
        acknowledge();

        jobs.userTask(Account.TASK_INTRO_CALL);
        assertThat(instance).hasNotPassedElement(Account.TASK_SEND_INTRO).isWaitingAtElements(Account.TASK_INTRO_CALL);
    }

    @Test
    void remindsTheSuccessorThenEscalatesAnOverdueIntroductionCall() throws Exception {
        ProcessInstanceEvent instance = toAcknowledgement(false);
        acknowledge();
        jobs.complete(Jobs.SEND_INTRO, Map.of());
        jobs.userTask(Account.TASK_INTRO_CALL);

        jobs.passTime(Duration.ofDays(4).plusHours(1));
        assertThat(jobs.complete(Jobs.REMIND_CALL, Map.of()).getVariablesAsMap())
                .containsKey(Vars.INTRO_CALL_DUE_AT);
        jobs.passTime(Duration.ofDays(1));
        jobs.complete(Jobs.ESCALATE_CALL, Map.of());
        engine.waitForIdleState(JobDriver.IDLE);

        assertThat(instance)
                .hasPassedElementsInOrder(Account.TIMER_CALL_REMINDER, Account.TIMER_CALL_OVERDUE)
                .hasPassedElement(Account.END_CALL_ESCALATED)
                .isWaitingAtElements(Account.TASK_INTRO_CALL);
    }

    private ProcessInstanceEvent toAcknowledgement(boolean introOptOut) throws Exception {
        ProcessInstanceEvent instance = startPrepared("rob", introOptOut);
        jobs.completeUserTask(Account.TASK_WRITE_NOTE, Map.of("relationshipSummary", "Loyal"));
        jobs.complete(Jobs.SAVE_NOTE, Map.of());
        jobs.complete(Jobs.TRANSFER, Map.of());
        return instance;
    }

    /** The successor acknowledges; the call is due in 5 days, the reminder a day before. */
    private void acknowledge() throws Exception {
        jobs.completeUserTask(Account.TASK_ACKNOWLEDGE, Map.of(Vars.ACKNOWLEDGEMENT, "acknowledge"));
        jobs.complete(
                Jobs.RECORD_ACKNOWLEDGEMENT,
                Map.of(
                        Vars.QUESTION_OPEN,
                        false,
                        Vars.INTRO_CALL_DUE_AT,
                        now.plus(Duration.ofDays(5)).toString(),
                        Vars.INTRO_REMINDER_AT,
                        now.plus(Duration.ofDays(4)).toString()));
    }

    /** Starts the account's handover and plays the prepare worker: the note is due in two days. */
    private ProcessInstanceEvent startPrepared(String successor, boolean introOptOut) throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand()
                .bpmnProcessId(Account.PROCESS_ID)
                .latestVersion()
                .variables(Map.of(Vars.ITEM_ID, 7))
                .send()
                .join();
        Map<String, Object> prepared = new HashMap<>(Map.of(
                Vars.ACCOUNT_ID,
                42,
                Vars.HANDOVER_ID,
                3,
                Vars.DEPARTING,
                "rita",
                Vars.NOTE_AUTHOR,
                "rita",
                Vars.MANAGER,
                "maria",
                Vars.NOTE_DUE_AT,
                now.plus(Duration.ofDays(2)).toString(),
                Vars.INTRO_OPT_OUT,
                introOptOut));
        prepared.put(Vars.SUCCESSOR, successor);
        assertThat(jobs.complete(Jobs.PREPARE, prepared).getVariablesAsMap()).containsEntry(Vars.ITEM_ID, 7);
        return instance;
    }
}
