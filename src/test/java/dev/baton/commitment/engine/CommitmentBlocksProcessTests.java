package dev.baton.commitment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.blocks.BlockProcessTest;
import dev.baton.blocks.Blocks;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentView;
import dev.baton.commitment.NewCommitment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * record-commitment and check-commitments with their real workers: the commitment recorded through
 * the service (its own process starts), once per step, the counts a gateway reads, and the incident
 * for each kind of bad input.
 */
class CommitmentBlocksProcessTests extends BlockProcessTest {

    @Autowired
    CommitmentBlocks blocks;

    @Autowired
    CommitmentService commitments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditEvents audit;

    @Test
    void recordCommitmentRecordsItInTheOwnersNameForTheLauncherAndItsOwnProcessStarts() {
        long accountId = account("rob");

        long instance = runBlock(
                Blocks.RECORD_COMMITMENT,
                Map.of(
                        "description", "Send the SSO guide",
                        "dueDate", "P14D",
                        "owner", "cora",
                        "deliveringTeam", "customer-success"),
                Map.of(Blocks.ACCOUNT_ID, accountId, Blocks.LAUNCHED_BY, "maria"));

        long id = ((Number) awaitOutputs(instance, Blocks.RECORD_COMMITMENT).get("commitmentId")).longValue();
        assertThat(commitments.get(id))
                .returns("Send the SSO guide", CommitmentView::description)
                .returns(LocalDate.now().plusDays(14), CommitmentView::dueDate)
                .returns("rob", CommitmentView::madeByUsername)
                .returns("cora", CommitmentView::ownerUsername)
                .returns("customer-success", CommitmentView::deliveringTeamKey)
                .returns(accountId, CommitmentView::accountId);
        await().atMost(WAIT).until(() -> commitmentProcessStartedFor(id));
        assertThat(audit.findByAccountIdOrderByAt(accountId))
                .filteredOn(e -> e.getAction().equals("commitment.created"))
                .extracting(AuditEvent::getActor)
                .containsExactly("maria");
    }

    @Test
    void recordCommitmentForAnOwnerTheLauncherMayNotGiveWorkToIsAnIncidentAndRecordsNothing() {
        long ravis = account("ravi");

        long instance = runBlock(
                Blocks.RECORD_COMMITMENT,
                Map.of("description", "Weekly calls", "dueDate", "P7D", "owner", "rob"),
                Map.of(Blocks.ACCOUNT_ID, ravis, Blocks.LAUNCHED_BY, "ravi"));

        assertThat(awaitIncident(instance))
                .contains(
                        "'" + STEP_NAME + "'",
                        "input 'owner'",
                        "the playbook's launcher Ravi Shankar may not record this commitment for Rob Jansen",
                        "Rob Jansen is neither in Ravi Shankar's team or line");
        assertThat(commitments.openOf(ravis)).isEmpty();
    }

    @Test
    void recordCommitmentInAnInstanceNobodyLaunchedMayRecordAnUnownedOneButNotNameAnOwner() {
        long accountId = account("rob");

        long named = runBlock(
                Blocks.RECORD_COMMITMENT,
                Map.of("description", "Weekly calls", "dueDate", "P7D", "owner", "rob"),
                Map.of(Blocks.ACCOUNT_ID, accountId));
        long unowned = runBlock(
                Blocks.RECORD_COMMITMENT,
                Map.of("description", "Quarterly review", "dueDate", "P7D"),
                Map.of(Blocks.ACCOUNT_ID, accountId));

        assertThat(awaitIncident(named)).contains("input 'launchedBy'", "cannot tell who launched");
        long id = ((Number) awaitOutputs(unowned, Blocks.RECORD_COMMITMENT).get("commitmentId")).longValue();
        assertThat(commitments.openOf(accountId))
                .singleElement()
                .returns(id, Commitment::getId)
                .returns(null, Commitment::getOwner);
        assertThat(audit.findByAccountIdOrderByAt(accountId))
                .filteredOn(e -> e.getAction().equals("commitment.created"))
                .extracting(AuditEvent::getActor)
                .containsExactly("system");
    }

    /**
     * Found by a hostile probe: {@code madeBy} could name any active person. It may name the launcher,
     * the account's owner, or someone the launcher may act for, as the API would let them (it records
     * whoever signs in as the maker).
     */
    @Test
    void recordCommitmentMayBeMadeOnlyByTheLauncherTheOwnerOrSomeoneTheLauncherActsFor() {
        long ravis = account("ravi");
        Map<String, String> madeByCora = Map.of("description", "A call a week", "dueDate", "P7D", "madeBy", "cora");

        long byRavi = runBlock(
                Blocks.RECORD_COMMITMENT, madeByCora, Map.of(Blocks.ACCOUNT_ID, ravis, Blocks.LAUNCHED_BY, "ravi"));
        long nobodyLaunched = runBlock(Blocks.RECORD_COMMITMENT, madeByCora, Map.of(Blocks.ACCOUNT_ID, ravis));
        // cora is in marcus's line
        long byMarcus = runBlock(
                Blocks.RECORD_COMMITMENT, madeByCora, Map.of(Blocks.ACCOUNT_ID, ravis, Blocks.LAUNCHED_BY, "marcus"));

        assertThat(awaitIncident(byRavi))
                .contains(
                        "'" + STEP_NAME + "'",
                        "input 'madeBy'",
                        "the playbook's launcher Ravi Shankar may not record the commitment in Cora Lindqvist's name");
        assertThat(awaitIncident(nobodyLaunched))
                .contains("input 'madeBy'", "names Cora Lindqvist, but nobody launched");
        long id = ((Number) awaitOutputs(byMarcus, Blocks.RECORD_COMMITMENT).get("commitmentId")).longValue();
        assertThat(commitments.openOf(ravis)).singleElement().returns(id, Commitment::getId);
        assertThat(commitments.get(id).madeByUsername()).isEqualTo("cora");
    }

    @Test
    void recordCommitmentDeliveredTwiceRecordsOne() {
        long accountId = account("rob");
        long step = newStepKey();
        Map<String, Object> vars = Map.of(
                Blocks.ACCOUNT_ID,
                accountId,
                "description",
                "Fix the export",
                "dueDate",
                LocalDate.now().toString());

        Map<String, Object> first = blocks.recordCommitment(job(Blocks.RECORD_COMMITMENT, step, vars, Map.of()));
        Map<String, Object> second = blocks.recordCommitment(job(Blocks.RECORD_COMMITMENT, step, vars, Map.of()));

        assertThat(second).isEqualTo(first);
        assertThat(commitments.openOf(accountId)).hasSize(1);
    }

    @Test
    void recordCommitmentWithBadInputIsAnIncidentNamingTheInput() {
        long accountId = account("rob");
        long unowned = account(null);
        Map<String, Object> on = Map.of(Blocks.ACCOUNT_ID, accountId, Blocks.LAUNCHED_BY, "rob");

        List<String> incidents = List.of(
                        runBlock(Blocks.RECORD_COMMITMENT, Map.of("description", "x", "dueDate", "soon"), on),
                        runBlock(Blocks.RECORD_COMMITMENT, Map.of("description", "x", "dueDate", "2020-01-31"), on),
                        runBlock(Blocks.RECORD_COMMITMENT, Map.of("dueDate", "P1D"), on),
                        runBlock(
                                Blocks.RECORD_COMMITMENT,
                                Map.of("description", "x", "dueDate", "P1D", "owner", "zed"),
                                on),
                        runBlock(
                                Blocks.RECORD_COMMITMENT,
                                Map.of("description", "x", "dueDate", "P1D", "deliveringTeam", "legal"),
                                on),
                        runBlock(
                                Blocks.RECORD_COMMITMENT,
                                Map.of("description", "x", "dueDate", "P1D"),
                                Map.of(Blocks.ACCOUNT_ID, unowned)))
                .stream()
                .map(this::awaitIncident)
                .toList();

        assertThat(incidents.get(0)).contains("'" + STEP_NAME + "'", "input 'dueDate'", "'soon' is not a date");
        assertThat(incidents.get(1)).contains("input 'dueDate'", "today or later");
        assertThat(incidents.get(2)).contains("input 'description'", "missing");
        assertThat(incidents.get(3)).contains("input 'owner'", "'zed'");
        assertThat(incidents.get(4)).contains("input 'deliveringTeam'", "'legal'");
        assertThat(incidents.get(5)).contains("input 'madeBy'", "no owner");
        assertThat(commitments.openOf(accountId)).isEmpty();
    }

    @Test
    void checkCommitmentsCountsOpenOverdueAndBreachedForAGateway() {
        long accountId = account("rob");
        record(accountId, "Open and on time", LocalDate.now().plusDays(5));
        long late = record(accountId, "Open and late", LocalDate.now().plusDays(1));
        jdbc.sql("update commitment set due_date = current_date - 3 where id = ?")
                .param(late)
                .update();
        long broken = record(accountId, "Broken", LocalDate.now().plusDays(2));
        commitments.breach(broken, "missed the launch", commitments.get(broken).version());

        long instance = runBlock(Blocks.CHECK_COMMITMENTS, Map.of(), Map.of(Blocks.ACCOUNT_ID, accountId));

        assertThat(awaitOutputs(instance, Blocks.CHECK_COMMITMENTS))
                .containsEntry("openCommitments", 2)
                .containsEntry("overdueCommitments", 1)
                .containsEntry("breachedCommitments", 1);
    }

    @Test
    void checkCommitmentsOnAnUnknownAccountIsAnIncident() {
        long instance = runBlock(Blocks.CHECK_COMMITMENTS, Map.of(), Map.of(Blocks.ACCOUNT_ID, 987_654_322L));

        assertThat(awaitIncident(instance)).contains("input 'accountId'", "no account ");
    }

    private long record(long accountId, String description, LocalDate due) {
        return commitments
                .create(new NewCommitment(accountId, null, description, null, null, due), "rob")
                .id();
    }

    private boolean commitmentProcessStartedFor(long commitmentId) {
        return StreamSupport.stream(records().variableRecords().spliterator(), false)
                .anyMatch(r -> r.getValue().getBpmnProcessId().equals(CommitmentBpmn.PROCESS_ID)
                        && r.getValue().getName().equals("commitmentId")
                        && r.getValue().getValue().equals(String.valueOf(commitmentId)));
    }

    /**
     * An optional input given by an expression that comes out empty was taken as left out: {@code owner}
     * null recorded an unowned commitment, {@code madeBy} null one made by the account's owner, {@code
     * deliveringTeam} null one for no team. Each is an incident naming it, and nothing is recorded.
     */
    @Test
    void anOptionalInputWhoseExpressionComesOutEmptyIsAnIncidentNotTheDefault() {
        long accountId = account("rob");
        Map<String, Object> on = Map.of(Blocks.ACCOUNT_ID, accountId, Blocks.LAUNCHED_BY, "maria");

        long owner = runBlock(
                Blocks.RECORD_COMMITMENT,
                Map.of("description", "Send the guide", "dueDate", "P7D", "owner", "=chosenOwner"),
                on);
        long madeBy = runBlock(
                Blocks.RECORD_COMMITMENT,
                Map.of("description", "Send the guide", "dueDate", "P7D", "madeBy", "=promisedBy"),
                on);
        long team = runBlock(
                Blocks.RECORD_COMMITMENT,
                Map.of("description", "Send the guide", "dueDate", "P7D", "deliveringTeam", "=\"  \""),
                on);
        long dueDate =
                runBlock(Blocks.RECORD_COMMITMENT, Map.of("description", "Send the guide", "dueDate", "=due"), on);

        assertThat(awaitIncident(owner)).contains("input 'owner': gave nothing (null)");
        assertThat(awaitIncident(madeBy)).contains("input 'madeBy': gave nothing (null)");
        assertThat(awaitIncident(team)).contains("input 'deliveringTeam': is blank");
        assertThat(awaitIncident(dueDate)).contains("input 'dueDate': gave nothing (null)");
        assertThat(commitments.openOf(accountId)).isEmpty();
    }
}
