package dev.baton.account.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.account.Account;
import dev.baton.account.InteractionService;
import dev.baton.account.InteractionView;
import dev.baton.blocks.BlockInputError;
import dev.baton.blocks.BlockProcessTest;
import dev.baton.blocks.Blocks;
import dev.baton.engine.JobProblems;
import dev.baton.people.NewPerson;
import dev.baton.people.Role;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * record-interaction, reassign-owner and update-account with their real workers: what each changes,
 * its outputs, that a second delivery of the same step changes nothing, and the incident (naming
 * the step and the input) for each kind of bad input.
 */
class AccountBlocksProcessTests extends BlockProcessTest {

    @Autowired
    AccountBlocks blocks;

    @Autowired
    InteractionService interactions;

    @Autowired
    JobProblems jobProblems;

    @Test
    void recordInteractionLogsItInTheOwnersNameUnlessSomeoneIsNamed() {
        long accountId = account("rob");

        long byOwner = runBlock(
                Blocks.RECORD_INTERACTION,
                Map.of("kind", "CALL", "summary", "=\"Called about \" + topic"),
                Map.of(Blocks.ACCOUNT_ID, accountId, "topic", "the pilot"));
        // rita is in the launcher maria's line
        long byRita = runBlock(
                Blocks.RECORD_INTERACTION,
                Map.of("kind", "note", "summary", "Sent the deck", "by", "RITA@baton.example"),
                Map.of(Blocks.ACCOUNT_ID, accountId, Blocks.LAUNCHED_BY, "maria"));

        awaitOutputs(byOwner, Blocks.RECORD_INTERACTION);
        awaitOutputs(byRita, Blocks.RECORD_INTERACTION);
        assertThat(timeline(accountId))
                .extracting(InteractionView::summary, i -> i.kind().name(), InteractionView::byUsername)
                .containsExactlyInAnyOrder(
                        tuple("Called about the pilot", "CALL", "rob"), tuple("Sent the deck", "NOTE", "rita"));
    }

    /**
     * Found by a hostile probe: {@code by} could name any active person, so a playbook put words in
     * anyone's mouth. It may name the launcher, the account's owner, or someone the launcher may act
     * for, as the API would let them (it logs only as whoever signs in).
     */
    @Test
    void recordInteractionMayBeLoggedOnlyInTheNameOfTheLauncherTheOwnerOrSomeoneTheLauncherActsFor() {
        long robs = account("rob");
        Map<String, Object> byRob = Map.of(Blocks.ACCOUNT_ID, robs, Blocks.LAUNCHED_BY, "rob");

        long ravi = runBlock(Blocks.RECORD_INTERACTION, Map.of("kind", "NOTE", "summary", "x", "by", "ravi"), byRob);
        long manager =
                runBlock(Blocks.RECORD_INTERACTION, Map.of("kind", "NOTE", "summary", "x", "by", "maria"), byRob);
        long nobodyLaunched = runBlock(
                Blocks.RECORD_INTERACTION,
                Map.of("kind", "NOTE", "summary", "x", "by", "rita"),
                Map.of(Blocks.ACCOUNT_ID, robs));
        long owner = runBlock(
                Blocks.RECORD_INTERACTION, Map.of("kind", "NOTE", "summary", "by the owner", "by", "rob"), byRob);
        long launcher = runBlock(
                Blocks.RECORD_INTERACTION,
                Map.of("kind", "NOTE", "summary", "by the manager", "by", "maria"),
                Map.of(Blocks.ACCOUNT_ID, robs, Blocks.LAUNCHED_BY, "maria"));

        assertThat(awaitIncident(ravi))
                .contains(
                        "'" + STEP_NAME + "'",
                        "input 'by'",
                        "the playbook's launcher Rob Jansen may not log the interaction in Ravi Shankar's name",
                        "nor in Rob Jansen's line");
        assertThat(awaitIncident(manager))
                .contains("input 'by'", "Rob Jansen may not log the interaction in Maria Rossi's name");
        assertThat(awaitIncident(nobodyLaunched))
                .contains("input 'by'", "names Rita Okafor, but nobody launched this run");
        awaitOutputs(owner, Blocks.RECORD_INTERACTION);
        awaitOutputs(launcher, Blocks.RECORD_INTERACTION);
        assertThat(timeline(robs))
                .extracting(InteractionView::summary, InteractionView::byUsername)
                .containsExactlyInAnyOrder(tuple("by the owner", "rob"), tuple("by the manager", "maria"));
    }

    @Test
    void recordInteractionDeliveredTwiceLogsOnce() {
        long accountId = account("rob");
        long step = newStepKey();
        Map<String, Object> vars = Map.of(Blocks.ACCOUNT_ID, accountId, "kind", "MEETING", "summary", "QBR held");

        Map<String, Object> first = blocks.recordInteraction(job(Blocks.RECORD_INTERACTION, step, vars, Map.of()));
        Map<String, Object> second = blocks.recordInteraction(job(Blocks.RECORD_INTERACTION, step, vars, Map.of()));

        assertThat(second).isEqualTo(first);
        assertThat(timeline(accountId)).hasSize(1);
    }

    @Test
    void recordInteractionWithAnUnknownKindOrNoSummaryIsAnIncidentNamingStepAndInput() {
        long accountId = account("rob");

        long badKind = runBlock(
                Blocks.RECORD_INTERACTION,
                Map.of("kind", "LUNCH", "summary", "x"),
                Map.of(Blocks.ACCOUNT_ID, accountId));
        long noSummary =
                runBlock(Blocks.RECORD_INTERACTION, Map.of("kind", "CALL"), Map.of(Blocks.ACCOUNT_ID, accountId));

        assertThat(awaitIncident(badKind))
                .contains("'" + STEP_NAME + "'", Blocks.RECORD_INTERACTION, "input 'kind'", "'LUNCH'", "CALL");
        assertThat(awaitIncident(noSummary)).contains("'" + STEP_NAME + "'", "input 'summary'", "missing");
        assertThat(timeline(accountId)).isEmpty();
    }

    @Test
    void aBlockOnAnAccountBatonDoesNotKnowIsAnIncidentNamingAccountId() {
        long unknown = runBlock(
                Blocks.RECORD_INTERACTION,
                Map.of("kind", "CALL", "summary", "x"),
                Map.of(Blocks.ACCOUNT_ID, 987_654_321L));
        long foreign = runBlock(
                Blocks.UPDATE_ACCOUNT, Map.of("segment", "SMB"), Map.of(Blocks.ACCOUNT_ID, "001Ax00000AbcDEF"));
        long none = runBlock(Blocks.REASSIGN_OWNER, Map.of("newOwner", "rita"), Map.of());

        assertThat(awaitIncident(unknown)).contains("input 'accountId'", "no account 987654321");
        assertThat(awaitIncident(foreign))
                .contains("input 'accountId'", "'001Ax00000AbcDEF' is not a Baton account id");
        assertThat(awaitIncident(none)).contains("input 'accountId'", "missing");
        assertThat(jobProblems.findTop200ByOrderByLastFailedAtDescIdDesc())
                .filteredOn(p -> p.getProcessInstanceKey() == unknown)
                .singleElement()
                .satisfies(p -> assertThat(p.getElementId()).isEqualTo("task_block"))
                .satisfies(p -> assertThat(p.getMessage()).contains("'" + STEP_NAME + "'", "input 'accountId'"));
    }

    @Test
    void reassignOwnerMovesTheAccountAndHandsLaterStepsTheNewOwnerAndManager() {
        long accountId = account("rob");

        long instance = runBlock(
                Blocks.REASSIGN_OWNER,
                Map.of("newOwner", "cora"),
                Map.of(Blocks.ACCOUNT_ID, accountId, Blocks.LAUNCHED_BY, "ada"));

        assertThat(awaitOutputs(instance, Blocks.REASSIGN_OWNER))
                .containsEntry("previousOwner", "rob")
                .containsEntry(Blocks.ACCOUNT_OWNER, "cora")
                .containsEntry(Blocks.OWNER_MANAGER, "marcus");
        assertThat(owner(accountId)).isEqualTo("cora");
    }

    @Test
    void reassignOwnerDeliveredAgainAfterALaterChangeDoesNotUndoIt() {
        long accountId = account("rob");
        long step = newStepKey();
        Map<String, Object> vars =
                Map.of(Blocks.ACCOUNT_ID, accountId, "newOwner", "rita", Blocks.LAUNCHED_BY, "maria");
        Map<String, Object> first = blocks.reassignOwner(job(Blocks.REASSIGN_OWNER, step, vars, Map.of()));
        Account moved = accounts.account(accountId);
        accounts.transfer(accountId, people.byUsername("ravi").id(), moved.getVersion());

        Map<String, Object> again = blocks.reassignOwner(job(Blocks.REASSIGN_OWNER, step, vars, Map.of()));

        assertThat(again).isEqualTo(first);
        assertThat(owner(accountId)).isEqualTo("ravi");
    }

    @Test
    void reassignOwnerToSomeoneUnknownIsAnIncident() {
        long accountId = account("rob");

        long unknown = runBlock(
                Blocks.REASSIGN_OWNER,
                Map.of("newOwner", "nobody"),
                Map.of(Blocks.ACCOUNT_ID, accountId, Blocks.LAUNCHED_BY, "maria"));

        assertThat(awaitIncident(unknown)).contains("input 'newOwner'", "'nobody'");
        assertThat(owner(accountId)).isEqualTo("rob");
    }

    @Test
    void reassignOwnerInAnInstanceWithoutALauncherIsAnIncidentNamingLaunchedBy() {
        long accountId = account("rob");

        long unknown =
                runBlock(Blocks.REASSIGN_OWNER, Map.of("newOwner", "rita"), Map.of(Blocks.ACCOUNT_ID, accountId));

        assertThat(awaitIncident(unknown)).contains("input 'launchedBy'", "cannot tell who launched");
        assertThat(owner(accountId)).isEqualTo("rob");
    }

    @Test
    void aStepDeliveredAgainAfterItsLauncherLeftAnswersAsBeforeButANewStepIsRefused() {
        long accountId = account("rob");
        String leaver = "leaver-" + newStepKey();
        long leaverId = people.create(new NewPerson(
                        leaver, "Lee Leaver", leaver + "@baton.example", "demo", Set.of(Role.ADMIN), null, null))
                .id();
        long step = newStepKey();
        Map<String, Object> vars = Map.of(Blocks.ACCOUNT_ID, accountId, "segment", "SMB", Blocks.LAUNCHED_BY, leaver);
        Map<String, Object> first = blocks.updateAccount(job(Blocks.UPDATE_ACCOUNT, step, vars, Map.of()));

        people.deactivate(leaverId);

        assertThat(blocks.updateAccount(job(Blocks.UPDATE_ACCOUNT, step, vars, Map.of())))
                .isEqualTo(first);
        assertThatThrownBy(() -> blocks.updateAccount(job(Blocks.UPDATE_ACCOUNT, newStepKey(), vars, Map.of())))
                .isInstanceOf(BlockInputError.class)
                .hasMessageContaining("input 'launchedBy': Lee Leaver has left");
        assertThat(accounts.get(accountId).segment()).isEqualTo("SMB");
    }

    @Test
    void updateAccountSetsOnlyTheInputsGiven() {
        long accountId = account("rob");
        LocalDate renewal = LocalDate.now().plusYears(1);

        long instance = runBlock(
                Blocks.UPDATE_ACCOUNT,
                Map.of("territory", "DACH", "renewalDate", renewal.toString()),
                Map.of(Blocks.ACCOUNT_ID, accountId));

        assertThat(awaitOutputs(instance, Blocks.UPDATE_ACCOUNT)).containsKey("accountVersion");
        assertThat(accounts.get(accountId))
                .satisfies(a -> assertThat(a.territory()).isEqualTo("DACH"))
                .satisfies(a -> assertThat(a.renewalDate()).isEqualTo(renewal))
                .satisfies(a -> assertThat(a.segment()).isEqualTo("Mid-market"));
    }

    @Test
    void updateAccountWithABadOrPastDateOrNothingToSetIsAnIncident() {
        long accountId = account("rob");

        long notADate = runBlock(
                Blocks.UPDATE_ACCOUNT, Map.of("renewalDate", "next spring"), Map.of(Blocks.ACCOUNT_ID, accountId));
        long past = runBlock(
                Blocks.UPDATE_ACCOUNT, Map.of("renewalDate", "2020-01-31"), Map.of(Blocks.ACCOUNT_ID, accountId));
        long nothing = runBlock(Blocks.UPDATE_ACCOUNT, Map.of(), Map.of(Blocks.ACCOUNT_ID, accountId));

        assertThat(awaitIncident(notADate)).contains("input 'renewalDate'", "'next spring' is not a date");
        assertThat(awaitIncident(past)).contains("input 'renewalDate'", "2020-01-31 is in the past");
        assertThat(awaitIncident(nothing)).contains("at least one of them");
        assertThat(accounts.get(accountId).renewalDate()).isAfter(LocalDate.now());
    }

    /**
     * An input given by an expression that comes out empty was taken as left out: {@code by} null logged
     * the interaction in the owner's name, {@code segment} null left the segment while the step's
     * territory was set. Each is an incident naming it, and the account is unchanged.
     */
    @Test
    void anInputWhoseExpressionComesOutEmptyIsAnIncidentAndChangesNothing() {
        long accountId = account("rob");
        Map<String, Object> on = Map.of(Blocks.ACCOUNT_ID, accountId, Blocks.LAUNCHED_BY, "maria");

        long by = runBlock(
                Blocks.RECORD_INTERACTION, Map.of("kind", "NOTE", "summary", "Sent the deck", "by", "=author"), on);
        long summary = runBlock(Blocks.RECORD_INTERACTION, Map.of("kind", "NOTE", "summary", "=notes"), on);
        long segment = runBlock(Blocks.UPDATE_ACCOUNT, Map.of("segment", "=newSegment", "territory", "DACH"), on);
        long newOwner = runBlock(Blocks.REASSIGN_OWNER, Map.of("newOwner", "=successor"), on);
        long yesNo = runBlock(Blocks.UPDATE_ACCOUNT, Map.of("segment", "=1 > 0"), on);

        assertThat(awaitIncident(by)).contains("'" + STEP_NAME + "'", "input 'by': gave nothing (null)");
        assertThat(awaitIncident(summary)).contains("input 'summary': gave nothing (null)");
        assertThat(awaitIncident(segment)).contains("input 'segment': gave nothing (null)");
        assertThat(awaitIncident(newOwner)).contains("input 'newOwner': gave nothing (null)");
        assertThat(awaitIncident(yesNo)).contains("input 'segment': is true, a yes/no value");
        assertThat(timeline(accountId)).isEmpty();
        assertThat(accounts.get(accountId))
                .satisfies(a -> assertThat(a.territory()).isEqualTo("EMEA"))
                .satisfies(a -> assertThat(a.segment()).isEqualTo("Mid-market"))
                .satisfies(a -> assertThat(a.ownerUsername()).isEqualTo("rob"));
    }

    /**
     * Only a launch sets {@code launchedBy}, to a user name; one that is there but empty must not pass for
     * "nobody launched this run", whose blocks check nobody's rights.
     */
    @Test
    void anEmptyLauncherIsAnIncidentNotARunNobodyLaunched() {
        long accountId = account("rob");
        Map<String, Object> vars = new java.util.HashMap<>(Map.of(Blocks.ACCOUNT_ID, accountId, "segment", "SMB"));
        vars.put(Blocks.LAUNCHED_BY, null);

        assertThatThrownBy(() -> blocks.updateAccount(job(Blocks.UPDATE_ACCOUNT, newStepKey(), vars, Map.of())))
                .isInstanceOf(BlockInputError.class)
                .hasMessageContaining("input 'launchedBy': is empty (null)");
        assertThat(accounts.get(accountId).segment()).isEqualTo("Mid-market");
    }

    private java.util.List<InteractionView> timeline(long accountId) {
        return interactions.forAccount(accountId, Pageable.ofSize(50)).getContent();
    }

    private String owner(long accountId) {
        return accounts.get(accountId).ownerUsername();
    }
}
