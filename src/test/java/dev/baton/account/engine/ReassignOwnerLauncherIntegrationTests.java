package dev.baton.account.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.audit.AuditEvents;
import dev.baton.blocks.BlockProcessTest;
import dev.baton.blocks.Blocks;
import dev.baton.engine.JobProblems;
import dev.baton.engine.WorkerRecords;
import dev.baton.support.Multipart;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Found by a hostile probe: {@code baton.reassign-owner} moved the account as "system" without asking
 * whether the person who launched the playbook may move it. A rep could launch a playbook on their
 * own account and give it to anyone; the API refuses them the same move (ADR 014). The block now
 * applies the API's rule to the launcher, fails with a plain reason when it does not hold, and audits
 * the move in the launcher's name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("rawtypes")
class ReassignOwnerLauncherIntegrationTests extends BlockProcessTest {

    static final String PROCESS_ID = "reassign-owner-launcher-test";

    /** One block, its new owner from the launch's {@code successor}; reps and managers may launch it. */
    static final String BPMN = launchableBy(
            "REP,MANAGER",
            Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS_ID)
                    .name("Give the account away")
                    .startEvent()
                    .serviceTask(
                            "task_move_account",
                            t -> t.name("Move the account")
                                    .zeebeJobType(Blocks.REASSIGN_OWNER)
                                    .zeebeInput("=successor", "newOwner"))
                    .endEvent()
                    .done()));

    @Autowired
    AuditEvents audit;

    @Autowired
    JobProblems jobProblems;

    @BeforeAll
    void upload() {
        ResponseEntity<String> uploaded = as("ada")
                .postForEntity(
                        "/api/playbooks", Multipart.texts("files", Map.of("give-away.bpmn", BPMN)), String.class);
        assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aRepsPlaybookMayNotGiveTheirAccountToSomeoneOutsideTheirTeamOrLine() {
        long ravis = account("ravi");
        // the API refuses ravi this move
        ResponseEntity<Map> byApi = as("ravi")
                .exchange(
                        "/api/accounts/" + ravis + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(
                                Map.of("ownerId", people.byUsername("rob").id(), "version", 0)),
                        Map.class);
        assertThat(byApi.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        long instance = launch("ravi", ravis, "rob");

        assertThat(awaitIncident(instance))
                .contains(
                        "'Move the account'",
                        "input 'newOwner'",
                        "the playbook's launcher Ravi Shankar may not move the account to Rob Jansen",
                        "Rob Jansen is neither in Ravi Shankar's team or line");
        assertThat(jobProblems.findTop200ByOrderByLastFailedAtDescIdDesc())
                .filteredOn(p -> p.getProcessInstanceKey() == instance)
                .singleElement()
                .satisfies(p -> assertThat(p.getElementId()).isEqualTo("task_move_account"));
        assertThat(accounts.get(ravis).ownerUsername()).isEqualTo("ravi");
        assertThat(audit.findByAccountIdOrderByAt(ravis))
                .extracting(e -> e.getAction())
                .doesNotContain("account.transferred");
    }

    @Test
    void aManagersPlaybookMovesTheirReportsAccountWithinTheirLineInTheManagersName() {
        long ravis = account("ravi");

        long instance = launch("marcus", ravis, "cora");

        assertThat(new WorkerRecords(engine, WAIT).awaitCompleted(instance, Blocks.REASSIGN_OWNER))
                .containsEntry(Blocks.ACCOUNT_OWNER, "cora");
        assertThat(accounts.get(ravis).ownerUsername()).isEqualTo("cora");
        assertThat(audit.findByAccountIdOrderByAt(ravis))
                .filteredOn(e -> e.getAction().equals("account.transferred"))
                .singleElement()
                .satisfies(e -> assertThat(e.getActor()).isEqualTo("marcus"));
    }

    private long launch(String launcher, long accountId, String successor) {
        return launch(launcher, PROCESS_ID, Map.of("accountId", accountId, "successor", successor));
    }
}
